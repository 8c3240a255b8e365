package dev.musicluster.clustering.domain.algorithms;

import dev.musicluster.clustering.domain.Euclidean;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Hierarchical agglomerative clustering cut at k clusters, by the nearest-neighbour chain algorithm: O(n²) time and
 * one n × n distance matrix (about n²·8 bytes: 8 MB at 1,000 points, 200 MB at 5,000). Ward works on squared
 * Euclidean distances (so merges minimise the within-cluster variance increase, as scikit-learn's Ward); the other
 * linkages on Euclidean distances. All four are reducible, which the chain algorithm needs.
 */
public final class Agglomerative implements Clusterer {

    public enum Linkage { WARD, AVERAGE, COMPLETE, SINGLE }

    private final Linkage linkage;
    private final int k;

    public Agglomerative(Linkage linkage, int k) {
        this.linkage = linkage;
        this.k = k;
    }

    @Override
    public String name() {
        return "agglomerative-" + linkage.name().toLowerCase(Locale.ROOT);
    }

    private record Merge(int a, int b, double height) {
    }

    /** The whole merge tree of the points: cut at any k without clustering again ({@link #cut}). */
    public record Dendrogram(int points, List<Merge> merges) {

        /** The k clusters left once all but the k − 1 highest merges are made. */
        public Partition cut(int k) {
            if (k < 1 || k > points) {
                throw new IllegalArgumentException("k must be between 1 and " + points + ": " + k);
            }
            UnionFind groups = new UnionFind(points);
            for (int m = 0; m < points - k; m++) {
                groups.union(merges.get(m).a(), merges.get(m).b());
            }
            return Partition.of(groups.labels());
        }
    }

    @Override
    public Partition fit(double[][] points) {
        if (k < 1 || k > points.length) {
            throw new IllegalArgumentException("k must be between 1 and " + points.length + ": " + k);
        }
        return dendrogram(points).cut(k);
    }

    /** The O(n²) part, once: auto-k cuts one tree at every candidate k instead of building it again for each. */
    public Dendrogram dendrogram(double[][] points) {
        int n = points.length;
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double squared = Euclidean.squared(points[i], points[j]);
                d[i][j] = d[j][i] = linkage == Linkage.WARD ? squared : Math.sqrt(squared);
            }
        }
        int[] size = new int[n];
        java.util.Arrays.fill(size, 1);
        boolean[] active = new boolean[n];
        java.util.Arrays.fill(active, true);
        List<Merge> merges = new ArrayList<>(n - 1);
        Deque<Integer> chain = new ArrayDeque<>();
        int remaining = n;
        while (remaining > 1) {
            if (chain.isEmpty()) {
                for (int i = 0; i < n; i++) {
                    if (active[i]) {
                        chain.push(i);
                        break;
                    }
                }
            }
            int a = chain.peek();
            Integer previous = chain.size() > 1 ? secondOf(chain) : null;
            int b = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int c = 0; c < n; c++) {
                if (c != a && active[c] && (d[a][c] < best || (d[a][c] == best && previous != null && c == previous))) {
                    best = d[a][c];
                    b = c;
                }
            }
            if (previous != null && b == previous) {
                chain.pop();
                chain.pop();
                merges.add(new Merge(a, b, best));
                merge(d, size, active, a, b);
                remaining--;
            } else {
                chain.push(b);
            }
        }
        merges.sort(Comparator.comparingDouble(Merge::height));
        return new Dendrogram(n, List.copyOf(merges));
    }

    /** Lance–Williams: the distance from every active cluster to a ∪ b, stored in row a; b is retired. */
    private void merge(double[][] d, int[] size, boolean[] active, int a, int b) {
        int n = d.length;
        double ab = d[a][b];
        for (int c = 0; c < n; c++) {
            if (!active[c] || c == a || c == b) {
                continue;
            }
            double updated = switch (linkage) {
                case WARD -> ((size[a] + size[c]) * d[a][c] + (size[b] + size[c]) * d[b][c] - size[c] * ab)
                        / (size[a] + size[b] + size[c]);
                case AVERAGE -> (size[a] * d[a][c] + size[b] * d[b][c]) / (size[a] + size[b]);
                case COMPLETE -> Math.max(d[a][c], d[b][c]);
                case SINGLE -> Math.min(d[a][c], d[b][c]);
            };
            d[a][c] = d[c][a] = updated;
        }
        size[a] += size[b];
        active[b] = false;
    }

    private static int secondOf(Deque<Integer> chain) {
        var iterator = chain.iterator();
        iterator.next();
        return iterator.next();
    }
}
