package dev.musicluster.embedding.domain.vector;

import java.util.Map;

/**
 * A seeded random projection from the hashed n-gram space to a dense vector: each bucket adds ±weight to every
 * output dimension, the signs drawn from SplitMix64 of (seed, bucket) rather than stored, so a 2^18 × 256 matrix
 * costs no memory. By Johnson–Lindenstrauss, cosine similarities survive within about 1/√dim.
 */
public final class SignProjection {

    private final int dimension;
    private final long seed;

    public SignProjection(int dimension, long seed) {
        if (dimension % 64 != 0) {
            throw new IllegalArgumentException("dimension must be a multiple of 64: " + dimension);
        }
        this.dimension = dimension;
        this.seed = seed;
    }

    public int dimension() {
        return dimension;
    }

    /** Σ_bucket weight(bucket) · sign(bucket, j) / √dim for every output j. */
    public float[] project(Map<Integer, Double> weights) {
        double[] out = new double[dimension];
        double scale = 1.0 / Math.sqrt(dimension);
        for (Map.Entry<Integer, Double> entry : weights.entrySet()) {
            double w = entry.getValue() * scale;
            long state = seed ^ (entry.getKey() * 0x9E3779B97F4A7C15L);
            for (int block = 0; block < dimension; block += 64) {
                state += 0x9E3779B97F4A7C15L;
                long bits = mix(state);
                for (int j = 0; j < 64; j++) {
                    out[block + j] += ((bits >>> j) & 1L) == 0 ? w : -w;
                }
            }
        }
        float[] vector = new float[dimension];
        for (int j = 0; j < dimension; j++) {
            vector[j] = (float) out[j];
        }
        return vector;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
