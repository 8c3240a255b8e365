package dev.musicluster.clustering.domain.algorithms;

import dev.musicluster.clustering.domain.Euclidean;
import dev.musicluster.clustering.domain.SeededSample;
import dev.musicluster.clustering.domain.metrics.Silhouette;
import dev.musicluster.clustering.domain.metrics.InternalMetrics;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The algorithms by name, with k given or chosen ({@code k = 0} means auto): by BIC for Gaussian mixtures, by
 * silhouette for the others, over k = 2..min(12, n - 1); above {@link #MAX_QUADRATIC_POINTS} points k is chosen on a
 * seeded sample of that many and the partition fitted once, at that k. DBSCAN and HDBSCAN find k themselves.
 */
public final class Algorithms {

    public static final List<String> NAMES = List.of("kmeans", "hdbscan", "dbscan", "agglomerative-ward",
            "agglomerative-average", "agglomerative-complete", "agglomerative-single", "gmm-diag", "gmm-full");
    private static final int MAX_AUTO_K = 12;

    /**
     * The most points an algorithm whose time or memory grows with n² (agglomerative: an n × n matrix, 200 MB at 5,000;
     * HDBSCAN; DBSCAN's radius) is given. Above it, a seeded sample of this many is clustered and every other point
     * joins the nearest of the sample's clusters' centres, which the results state ({@code fitted_on}); k-means and
     * the Gaussian mixtures always see every point.
     */
    public static final int MAX_QUADRATIC_POINTS = 5_000;
    static final Set<String> QUADRATIC = Set.of("hdbscan", "dbscan", "agglomerative-ward", "agglomerative-average",
            "agglomerative-complete", "agglomerative-single");

    private Algorithms() {
    }

    /** Refuses a name that is not one of {@link #NAMES}, before any work. */
    public static void require(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown clustering algorithm '" + name + "'; known: " + String.join(", ", NAMES));
        }
    }

    public static Partition fit(String name, int k, long seed, double[][] points) {
        return fit(name, k, seed, points, MAX_QUADRATIC_POINTS);
    }

    static Partition fit(String name, int k, long seed, double[][] points, int maxQuadratic) {
        if (QUADRATIC.contains(name) && points.length > maxQuadratic) {
            return onSample(name, k, seed, points, maxQuadratic);
        }
        if (name.equals("dbscan")) {
            return new Dbscan(DbscanRadius.estimate(points, 5), 5).fit(points);
        }
        if (name.equals("hdbscan")) {
            return new Hdbscan(Math.max(5, points.length / 50)).fit(points);
        }
        if (k > 0) {
            return withK(name, k, seed).fit(points);
        }
        if (points.length > maxQuadratic) {
            // k-means and the mixtures see every point, but choosing k costs a fit per candidate: k is chosen on a
            // seeded sample, then one fit on every point at that k.
            double[][] sample = rows(points, SeededSample.draw(points.length, maxQuadratic, seed));
            return withK(name, bestK(name, seed, sample).clusters(), seed).fit(points);
        }
        return bestK(name, seed, points);
    }

    /** The partition of the best k in 2..12: by BIC for mixtures, by silhouette for the others. */
    private static Partition bestK(String name, long seed, double[][] points) {
        Partition best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        // A hierarchy is built once and cut at every k.
        Agglomerative.Dendrogram tree = withK(name, 1, seed) instanceof Agglomerative agglomerative ? agglomerative.dendrogram(points) : null;
        for (int candidate = 2; candidate <= Math.min(MAX_AUTO_K, points.length - 1); candidate++) {
            Partition partition = tree != null ? tree.cut(candidate) : withK(name, candidate, seed).fit(points);
            double score = name.startsWith("gmm") ? -partition.score()
                    : partition.clusters() < 2 ? Double.NEGATIVE_INFINITY : autoKSilhouette(points, partition.labels(), seed);
            if (score > bestScore) {
                bestScore = score;
                best = partition;
            }
        }
        return best;
    }

    private static double[][] rows(double[][] points, int[] chosen) {
        int[] sorted = chosen.clone();
        Arrays.sort(sorted);
        double[][] rows = new double[sorted.length][];
        for (int i = 0; i < sorted.length; i++) {
            rows[i] = points[sorted[i]];
        }
        return rows;
    }

    /**
     * Points whose silhouette chooses k exactly; above, a seeded sample of this many: the exact one is O(n²) for each
     * candidate k, and k-means sees every point (at 100,000 songs, 10¹⁰ distances a candidate).
     */
    static final int AUTO_K_SILHOUETTE_SAMPLE = 2_000;

    private static double autoKSilhouette(double[][] points, int[] labels, long seed) {
        return points.length <= AUTO_K_SILHOUETTE_SAMPLE ? InternalMetrics.silhouette(points, labels)
                : Silhouette.sampled(points, labels, AUTO_K_SILHOUETTE_SAMPLE, seed).value();
    }

    /** The algorithm on a seeded sample; the other points to the nearest centre of the sample's clusters. */
    private static Partition onSample(String name, int k, long seed, double[][] points, int size) {
        int n = points.length;
        int[] chosen = SeededSample.draw(n, size, seed);
        Arrays.sort(chosen);
        double[][] sample = new double[size][];
        for (int s = 0; s < size; s++) {
            sample[s] = points[chosen[s]];
        }
        Partition fitted = fit(name, k, seed, sample, size);
        NearestCentre centres = NearestCentre.of(sample, fitted.labels());
        int[] labels = new int[n];
        boolean[] inSample = new boolean[n];
        for (int s = 0; s < size; s++) {
            labels[chosen[s]] = fitted.labels()[s];
            inSample[chosen[s]] = true;
        }
        for (int i = 0; i < n; i++) {
            if (!inSample[i]) {
                labels[i] = centres.clusters() == 0 ? -1 : centres.assign(points[i]);
            }
        }
        return new Partition(labels, Partition.of(labels).clusters(), fitted.score(), size);
    }

    static Clusterer withK(String name, int k, long seed) {
        return switch (name) {
            // Every core: the partition is the same on any number of threads (KMeansTest, GaussianMixtureTest).
            case "kmeans" -> new KMeans(k, 10, seed, Runtime.getRuntime().availableProcessors());
            case "agglomerative-ward" -> new Agglomerative(Agglomerative.Linkage.WARD, k);
            case "agglomerative-average" -> new Agglomerative(Agglomerative.Linkage.AVERAGE, k);
            case "agglomerative-complete" -> new Agglomerative(Agglomerative.Linkage.COMPLETE, k);
            case "agglomerative-single" -> new Agglomerative(Agglomerative.Linkage.SINGLE, k);
            case "gmm-diag" -> new GaussianMixture(k, GaussianMixture.Covariance.DIAGONAL, seed, Runtime.getRuntime().availableProcessors());
            case "gmm-full" -> new GaussianMixture(k, GaussianMixture.Covariance.FULL, seed, Runtime.getRuntime().availableProcessors());
            default -> throw new IllegalArgumentException("unknown algorithm " + name + "; known: " + NAMES);
        };
    }

    /** The radius for DBSCAN: the 90th percentile of each point's distance to its minSamples-th neighbour. */
    static final class DbscanRadius {
        private DbscanRadius() {
        }

        static double estimate(double[][] points, int minSamples) {
            double[] kth = new double[points.length];
            for (int i = 0; i < points.length; i++) {
                double[] distances = new double[points.length];
                for (int j = 0; j < points.length; j++) {
                    distances[j] = Euclidean.distance(points[i], points[j]);
                }
                Arrays.sort(distances);
                kth[i] = distances[Math.min(minSamples - 1, distances.length - 1)];
            }
            Arrays.sort(kth);
            return kth[(int) Math.floor(0.9 * (kth.length - 1))];
        }
    }
}
