package dev.musicluster.clustering.domain.algorithms;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * DBSCAN (Ester et al., 1996) with scikit-learn's conventions: a point is a core point when at least
 * {@code minSamples} points, itself included, lie within {@code eps} (Euclidean); clusters grow from core points;
 * points reachable from no core point are noise (-1). Neighbourhoods by brute force, O(n²).
 */
public final class Dbscan implements Clusterer {

    private final double eps;
    private final int minSamples;

    public Dbscan(double eps, int minSamples) {
        this.eps = eps;
        this.minSamples = minSamples;
    }

    @Override
    public String name() {
        return "dbscan";
    }

    @Override
    public Partition fit(double[][] points) {
        int n = points.length;
        List<int[]> neighbours = new ArrayList<>(n);
        double eps2 = eps * eps;
        for (int i = 0; i < n; i++) {
            int[] found = new int[n];
            int count = 0;
            for (int j = 0; j < n; j++) {
                // Euclidean.squared, but giving up as soon as the sum passes eps²: most pairs are far apart.
                double squared = 0;
                for (int f = 0; f < points[i].length && squared <= eps2; f++) {
                    double difference = points[i][f] - points[j][f];
                    squared += difference * difference;
                }
                if (squared <= eps2) {
                    found[count++] = j;
                }
            }
            neighbours.add(Arrays.copyOf(found, count));
        }
        int[] labels = new int[n];
        Arrays.fill(labels, -1);
        int cluster = 0;
        for (int i = 0; i < n; i++) {
            if (labels[i] != -1 || neighbours.get(i).length < minSamples) {
                continue;
            }
            Deque<Integer> frontier = new ArrayDeque<>();
            frontier.push(i);
            labels[i] = cluster;
            while (!frontier.isEmpty()) {
                int p = frontier.pop();
                if (neighbours.get(p).length < minSamples) {
                    continue;
                }
                for (int q : neighbours.get(p)) {
                    if (labels[q] == -1) {
                        labels[q] = cluster;
                        frontier.push(q);
                    }
                }
            }
            cluster++;
        }
        return new Partition(labels, cluster, Double.NaN);
    }
}
