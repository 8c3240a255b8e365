package dev.musicluster.feature.domain.dsp;

/**
 * First-order deltas along time, as {@code librosa.feature.delta(width=9, order=1, mode="interp")}: a
 * Savitzky-Golay first derivative over 9 frames. Inside, d[t] = Σ_{k=-4..4} k·x[t+k] / 60; within 4 frames of an
 * edge, the slope of the least-squares line through the first (or last) 9 frames.
 */
public final class Deltas {

    private static final int HALF = 4;
    private static final double NORM = 60.0;

    private Deltas() {
    }

    /** Deltas of each row of a rows × frames matrix (row-major). Needs at least 9 frames. */
    public static float[] of(float[] matrix, int rows, int frames) {
        if (frames < 2 * HALF + 1) {
            throw new IllegalArgumentException("deltas need at least " + (2 * HALF + 1) + " frames, got " + frames);
        }
        float[] out = new float[matrix.length];
        for (int r = 0; r < rows; r++) {
            int base = r * frames;
            double headSlope = slope(matrix, base);
            double tailSlope = slope(matrix, base + frames - (2 * HALF + 1));
            for (int t = 0; t < frames; t++) {
                if (t < HALF) {
                    out[base + t] = (float) headSlope;
                } else if (t >= frames - HALF) {
                    out[base + t] = (float) tailSlope;
                } else {
                    double sum = 0;
                    for (int k = -HALF; k <= HALF; k++) {
                        sum += k * (double) matrix[base + t + k];
                    }
                    out[base + t] = (float) (sum / NORM);
                }
            }
        }
        return out;
    }

    private static double slope(float[] matrix, int start) {
        double sum = 0;
        for (int k = -HALF; k <= HALF; k++) {
            sum += k * (double) matrix[start + HALF + k];
        }
        return sum / NORM;
    }
}
