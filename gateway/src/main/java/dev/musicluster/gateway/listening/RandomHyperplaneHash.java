package dev.musicluster.gateway.listening;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntBinaryOperator;

/**
 * Pairs of directions within a small angle, found without comparing every pair (Charikar's random-hyperplane hash):
 * each of {@link #TABLES} tables signs a direction by {@link #BITS} random hyperplanes, and only directions with one
 * signature in some table are compared. Two directions at angle θ share a table's signature with probability
 * (1 − θ/π)^16: at cosine distance 0.03 (θ = 0.246) 0.27, missed by all 24 tables with probability 5·10⁻⁴; at 0.005
 * (a re-encoding) missed with 3·10⁻¹⁰; unrelated songs (θ ≈ π/2) share one with 1.5·10⁻⁵ a table. The hyperplanes
 * come from a fixed seed, so one library gives one answer.
 *
 * <p>Smile's LSH (Euclidean, already a dependency of the clustering service) hashes through one small BLAS call a
 * table and song: 7 s for 8,000 songs of 64 dimensions here (DuplicatesTest), this 1.1 s: it signs every table in
 * one pass of plain Java.
 */
final class RandomHyperplaneHash {

    static final int TABLES = 24;
    static final int BITS = 16;
    private static final long SEED = 20_261_205L;

    private RandomHyperplaneHash() {
    }

    /**
     * Calls {@code compare} for every pair (i < j) that shares a signature in a table (once per such table: a set of
     * the rejected would cost more memory than the repeated comparisons cost time) and returns the pairs it accepts
     * (returns 1 for) as {@code i << 32 | j}, each once, in order.
     */
    static long[] nearPairs(float[][] directions, IntBinaryOperator compare) {
        int n = directions.length;
        int dimension = directions[0].length;
        float[][] planes = new float[TABLES * BITS][dimension];
        SplittableRandom random = new SplittableRandom(SEED);
        for (float[] plane : planes) {
            for (int d = 0; d < dimension; d++) {
                plane[d] = (float) random.nextGaussian();
            }
        }
        int[][] signatures = new int[TABLES][n];
        for (int i = 0; i < n; i++) {
            float[] x = directions[i];
            for (int t = 0; t < TABLES; t++) {
                int signature = 0;
                for (int b = 0; b < BITS; b++) {
                    float[] plane = planes[t * BITS + b];
                    double dot = 0;
                    for (int d = 0; d < dimension; d++) {
                        dot += plane[d] * x[d];
                    }
                    signature = signature << 1 | (dot >= 0 ? 1 : 0);
                }
                signatures[t][i] = signature;
            }
        }
        java.util.HashSet<Long> accepted = new java.util.HashSet<>();
        long[] keyed = new long[n];
        for (int t = 0; t < TABLES; t++) {
            for (int i = 0; i < n; i++) {
                keyed[i] = (long) signatures[t][i] << 32 | i;
            }
            Arrays.sort(keyed);
            for (int start = 0, end; start < n; start = end) {
                int signature = (int) (keyed[start] >>> 32);
                end = start + 1;
                while (end < n && (int) (keyed[end] >>> 32) == signature) {
                    end++;
                }
                for (int a = start; a < end; a++) {
                    for (int b = a + 1; b < end; b++) {
                        // sorted by index within a signature, so i < j
                        int i = (int) keyed[a];
                        int j = (int) keyed[b];
                        long pair = (long) i << 32 | j;
                        if (!accepted.contains(pair) && compare.applyAsInt(i, j) == 1) {
                            accepted.add(pair);
                        }
                    }
                }
            }
        }
        return accepted.stream().mapToLong(Long::longValue).sorted().toArray();
    }
}
