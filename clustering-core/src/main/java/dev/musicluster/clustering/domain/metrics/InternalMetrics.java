package dev.musicluster.clustering.domain.metrics;

import dev.musicluster.clustering.domain.Euclidean;

/**
 * How compact and separated clusters are, from the points alone (Euclidean), with scikit-learn's definitions:
 * silhouette (mean over points; a point alone in its cluster scores 0), Calinski-Harabasz (between- over
 * within-cluster dispersion, scaled by degrees of freedom) and Davies-Bouldin (mean over clusters of the worst
 * ratio of summed spreads to centroid distance; lower is better).
 *
 * <p>Points are rows; clusters are numbered 0..k-1. Silhouette is exact: it visits every pair once per point
 * (O(n²) time, bounded memory; see {@link Silhouette}).
 */
public final class InternalMetrics {

    private InternalMetrics() {
    }

    /** Exact; see {@link Silhouette} for how, and for the sampled estimate. */
    public static double silhouette(double[][] points, int[] clusters) {
        requireClusters(clusterCount(clusters), points.length);
        return Silhouette.exact(points, clusters);
    }

    public static double calinskiHarabasz(double[][] points, int[] clusters) {
        int k = clusterCount(clusters);
        requireClusters(k, points.length);
        double[] mean = centroid(points, null, -1);
        double between = 0;
        double within = 0;
        for (int c = 0; c < k; c++) {
            double[] centroid = centroid(points, clusters, c);
            int size = sizes(clusters, k)[c];
            between += size * Euclidean.squared(centroid, mean);
            for (int i = 0; i < points.length; i++) {
                if (clusters[i] == c) {
                    within += Euclidean.squared(points[i], centroid);
                }
            }
        }
        return within == 0 ? 1.0 : between * (points.length - k) / (within * (k - 1));
    }

    public static double daviesBouldin(double[][] points, int[] clusters) {
        int k = clusterCount(clusters);
        requireClusters(k, points.length);
        double[][] centroids = new double[k][];
        double[] spread = new double[k];
        int[] sizes = sizes(clusters, k);
        for (int c = 0; c < k; c++) {
            centroids[c] = centroid(points, clusters, c);
        }
        for (int i = 0; i < points.length; i++) {
            spread[clusters[i]] += Euclidean.distance(points[i], centroids[clusters[i]]) / sizes[clusters[i]];
        }
        boolean allSpreadZero = java.util.Arrays.stream(spread).allMatch(s -> Math.abs(s) < 1e-300);
        double sum = 0;
        boolean allCentroidsTogether = true;
        for (int i = 0; i < k; i++) {
            double worst = 0;
            for (int j = 0; j < k; j++) {
                if (i == j) {
                    continue;
                }
                double d = Euclidean.distance(centroids[i], centroids[j]);
                if (d != 0) {
                    allCentroidsTogether = false;
                    worst = Math.max(worst, (spread[i] + spread[j]) / d);
                }
            }
            sum += worst;
        }
        return allSpreadZero || allCentroidsTogether ? 0.0 : sum / k;
    }

    /** The mean of the points of cluster {@code c}, or of all points when {@code clusters} is null. */
    private static double[] centroid(double[][] points, int[] clusters, int c) {
        double[] sum = new double[points[0].length];
        int count = 0;
        for (int i = 0; i < points.length; i++) {
            if (clusters == null || clusters[i] == c) {
                for (int d = 0; d < sum.length; d++) {
                    sum[d] += points[i][d];
                }
                count++;
            }
        }
        for (int d = 0; d < sum.length; d++) {
            sum[d] /= Math.max(1, count);
        }
        return sum;
    }

    private static int[] sizes(int[] clusters, int k) {
        int[] sizes = new int[k];
        for (int cluster : clusters) {
            sizes[cluster]++;
        }
        return sizes;
    }

    private static int clusterCount(int[] clusters) {
        int max = -1;
        for (int cluster : clusters) {
            if (cluster < 0) {
                throw new IllegalArgumentException("cluster ids must be 0..k-1 (noise is handled before the metrics)");
            }
            max = Math.max(max, cluster);
        }
        return max + 1;
    }

    /** scikit-learn's rule: internal metrics need 2 ≤ k ≤ n − 1. */
    private static void requireClusters(int k, int n) {
        if (k < 2 || k > n - 1) {
            throw new IllegalArgumentException("internal metrics need between 2 and n-1 clusters; got " + k + " for " + n + " points");
        }
    }
}
