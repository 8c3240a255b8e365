package dev.musicluster.clustering.domain.metrics;

import dev.musicluster.clustering.domain.SeededSample;
import java.util.stream.IntStream;

/**
 * The mean silhouette coefficient (scikit-learn's definition: a point alone in its cluster scores 0), exact or
 * estimated from a sample.
 *
 * <p>Exact: every pair is visited (O(n²·d) time) in tiles of {@value #ROWS} points against {@value #COLUMNS}
 * points, so a tile of the reference set stays in cache while a block of points is scored against it; memory is
 * O(n·d + {@value #ROWS}·k) whatever n is, never an n × n matrix. Blocks of points are scored in parallel on the
 * common fork-join pool.
 *
 * <p>Sampled: scikit-learn's {@code sample_size}: the silhouette of a uniform sample without replacement, within
 * the sample. Its standard error is estimated from the spread of the sampled points' coefficients
 * (s / √m, finite-population corrected); the benchmark compares it with the exact value.
 */
public final class Silhouette {

    static final int ROWS = 64;
    static final int COLUMNS = 1024;

    private Silhouette() {
    }

    public static double exact(double[][] points, int[] clusters) {
        return mean(coefficients(points, clusters));
    }

    /** The silhouette of {@code sampleSize} points drawn with the seed (all of them when there are fewer). */
    public static Estimate sampled(double[][] points, int[] clusters, int sampleSize, long seed) {
        int n = points.length;
        if (sampleSize >= n) {
            return new Estimate(exact(points, clusters), 0.0, n);
        }
        int[] order = SeededSample.draw(n, sampleSize, seed);
        double[][] sample = new double[sampleSize][];
        int[] sampleClusters = new int[sampleSize];
        for (int i = 0; i < sampleSize; i++) {
            sample[i] = points[order[i]];
            sampleClusters[i] = clusters[order[i]];
        }
        double[] values = coefficients(sample, renumber(sampleClusters));
        double mean = mean(values);
        double variance = 0;
        for (double v : values) {
            variance += (v - mean) * (v - mean) / (sampleSize - 1);
        }
        double correction = Math.sqrt((double) (n - sampleSize) / (n - 1));
        return new Estimate(mean, Math.sqrt(variance / sampleSize) * correction, sampleSize);
    }

    /** Each point's silhouette coefficient. */
    static double[] coefficients(double[][] points, int[] clusters) {
        int n = points.length;
        int d = n == 0 ? 0 : points[0].length;
        int k = 0;
        for (int c : clusters) {
            k = Math.max(k, c + 1);
        }
        int[] sizes = new int[k];
        for (int c : clusters) {
            sizes[c]++;
        }
        double[] flat = new double[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(points[i], 0, flat, i * d, d);
        }
        double[] out = new double[n];
        int clusterCount = k;
        IntStream.range(0, (n + ROWS - 1) / ROWS).parallel().forEach(block ->
                scoreBlock(flat, d, clusters, sizes, clusterCount, block * ROWS, Math.min(n, (block + 1) * ROWS), out));
        return out;
    }

    private static void scoreBlock(double[] flat, int d, int[] clusters, int[] sizes, int k, int from, int to, double[] out) {
        int n = clusters.length;
        double[][] sums = new double[to - from][k];
        for (int tile = 0; tile < n; tile += COLUMNS) {
            int tileEnd = Math.min(n, tile + COLUMNS);
            for (int i = from; i < to; i++) {
                double[] row = sums[i - from];
                int a = i * d;
                for (int j = tile; j < tileEnd; j++) {
                    if (j == i) {
                        continue;
                    }
                    row[clusters[j]] += Math.sqrt(squaredDistance(flat, a, j * d, d));
                }
            }
        }
        for (int i = from; i < to; i++) {
            double[] row = sums[i - from];
            int own = clusters[i];
            if (sizes[own] <= 1) {
                out[i] = 0;
                continue;
            }
            double a = row[own] / (sizes[own] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own && sizes[c] > 0) {
                    b = Math.min(b, row[c] / sizes[c]);
                }
            }
            double denominator = Math.max(a, b);
            out[i] = denominator == 0 ? 0 : (b - a) / denominator;
        }
    }

    /** Four independent running sums: one would make every addition wait for the one before it. */
    private static double squaredDistance(double[] flat, int a, int b, int d) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int e = 0;
        for (; e + 3 < d; e += 4) {
            double d0 = flat[a + e] - flat[b + e];
            double d1 = flat[a + e + 1] - flat[b + e + 1];
            double d2 = flat[a + e + 2] - flat[b + e + 2];
            double d3 = flat[a + e + 3] - flat[b + e + 3];
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        for (; e < d; e++) {
            double difference = flat[a + e] - flat[b + e];
            s0 += difference * difference;
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? Double.NaN : sum / values.length;
    }

    private static int[] renumber(int[] clusters) {
        java.util.Map<Integer, Integer> ids = new java.util.HashMap<>();
        int[] out = new int[clusters.length];
        for (int i = 0; i < clusters.length; i++) {
            out[i] = ids.computeIfAbsent(clusters[i], c -> ids.size());
        }
        return out;
    }

    /** A sampled silhouette with its standard error and the sample's size. */
    public record Estimate(double value, double standardError, int sampleSize) {
    }
}
