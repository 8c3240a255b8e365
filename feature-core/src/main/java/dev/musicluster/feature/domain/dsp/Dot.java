package dev.musicluster.feature.domain.dsp;

/**
 * Dot products with four independent accumulators. A single running sum makes every addition wait for the one
 * before it; four chains keep the floating-point units busy (about 2.5 times faster here). The summation order
 * differs from a plain loop only by rounding.
 */
final class Dot {

    private Dot() {
    }

    /** Σ_i a[i] · b[offset + i] over the whole of {@code a}. */
    static double of(float[] a, float[] b, int offset) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int n = a.length;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i] * b[offset + i];
            s1 += a[i + 1] * b[offset + i + 1];
            s2 += a[i + 2] * b[offset + i + 2];
            s3 += a[i + 3] * b[offset + i + 3];
        }
        for (; i < n; i++) {
            s0 += a[i] * b[offset + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Σ_i a[i] · b[offset + i] over the whole of {@code a}. */
    static double of(double[] a, double[] b, int offset) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int n = a.length;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i] * b[offset + i];
            s1 += a[i + 1] * b[offset + i + 1];
            s2 += a[i + 2] * b[offset + i + 2];
            s3 += a[i + 3] * b[offset + i + 3];
        }
        for (; i < n; i++) {
            s0 += a[i] * b[offset + i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
