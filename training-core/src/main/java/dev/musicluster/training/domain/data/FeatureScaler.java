package dev.musicluster.training.domain.data;

/**
 * Per-feature standardisation fitted on the training data and stored with the model, so that a song encoded later
 * is scaled exactly as the songs it was trained on. A constant feature keeps scale 1 instead of dividing by zero,
 * and scaled values are clipped to ±{@value #CLIP} standard deviations: a feature that is almost constant (a
 * language that one song of hundreds touches) would otherwise turn its one outlier into a value in the hundreds
 * whose squared error swamps the loss and blows training up.
 *
 * @param mean one per feature
 * @param std  one per feature
 */
public record FeatureScaler(float[] mean, float[] std) {

    private static final double MIN_STD = 1e-6;
    static final float CLIP = 6f;

    /** Fits on {@code rows × width} row-major data, columns as features, rows with mask 0 left out (mask may be null). */
    public static FeatureScaler fitColumns(float[] data, int width, float[] mask) {
        return moments(data, width, mask).scaler();
    }

    /**
     * Fits one mean per column but one scale for the whole block: the root mean square of the centred values, so the
     * block has unit variance per value on average while its columns keep their relative weights. For an embedding
     * whose geometry is designed (the lyrics embedding's language block outweighs its content part, docs/embeddings.md)
     * per-column scaling would undo the design: two language columns would weigh as little as any two of 256 content
     * columns. Rows with mask 0 are left out (mask may be null).
     */
    public static FeatureScaler fitBlock(float[] data, int width, float[] mask) {
        Moments moments = moments(data, width, mask);
        double variance = 0;
        for (int c = 0; c < width; c++) {
            variance += moments.variance(c);
        }
        double rms = width == 0 ? 0 : Math.sqrt(variance / width);
        float[] mean = new float[width];
        float[] std = new float[width];
        for (int c = 0; c < width; c++) {
            mean[c] = (float) moments.mean(c);
            std[c] = (float) (rms < MIN_STD ? 1.0 : rms);
        }
        return new FeatureScaler(mean, std);
    }

    /**
     * Fits one mean and scale per band of spectrograms stored song-major as {@code songs × bands × frames}, over all
     * songs and frames: a band keeps its shape over time.
     */
    public static FeatureScaler fitBands(float[] data, int bands, int frames) {
        Moments moments = new Moments(bands);
        int songs = bands * frames == 0 ? 0 : data.length / (bands * frames);
        for (int s = 0; s < songs; s++) {
            for (int b = 0; b < bands; b++) {
                int base = (s * bands + b) * frames;
                for (int f = 0; f < frames; f++) {
                    double v = data[base + f];
                    moments.sum[b] += v;
                    moments.sumSquares[b] += v * v;
                }
            }
        }
        moments.count = songs * frames;
        return moments.scaler();
    }

    private static Moments moments(float[] data, int width, float[] mask) {
        int rows = width == 0 ? 0 : data.length / width;
        Moments moments = new Moments(width);
        for (int r = 0; r < rows; r++) {
            if (mask != null && mask[r] == 0) {
                continue;
            }
            moments.count++;
            for (int c = 0; c < width; c++) {
                double v = data[r * width + c];
                moments.sum[c] += v;
                moments.sumSquares[c] += v * v;
            }
        }
        return moments;
    }

    /** Running sums per feature; a feature's mean and variance are 0 when nothing was counted. */
    private static final class Moments {

        final double[] sum;
        final double[] sumSquares;
        int count;

        Moments(int features) {
            sum = new double[features];
            sumSquares = new double[features];
        }

        double mean(int feature) {
            return count == 0 ? 0 : sum[feature] / count;
        }

        double variance(int feature) {
            double m = mean(feature);
            return count == 0 ? 0 : Math.max(0, sumSquares[feature] / count - m * m);
        }

        /** One mean and one scale per feature; a constant feature keeps scale 1. */
        FeatureScaler scaler() {
            float[] mean = new float[sum.length];
            float[] std = new float[sum.length];
            for (int c = 0; c < sum.length; c++) {
                mean[c] = (float) mean(c);
                std[c] = (float) (Math.sqrt(variance(c)) < MIN_STD ? 1.0 : Math.sqrt(variance(c)));
            }
            return new FeatureScaler(mean, std);
        }
    }

    /** Scaled copy of row-major data whose feature index is {@code (i / stride) % features}. */
    public float[] apply(float[] data, int stride) {
        float[] out = new float[data.length];
        forEachRun(data.length, stride, (from, to, feature) -> {
            float m = mean[feature];
            float s = std[feature];
            for (int i = from; i < to; i++) {
                out[i] = Math.max(-CLIP, Math.min(CLIP, (data[i] - m) / s));
            }
        });
        return out;
    }

    /** Undoes {@link #apply}, clipping aside (reconstructions back in decibels). */
    public float[] invert(float[] data, int stride) {
        float[] out = new float[data.length];
        forEachRun(data.length, stride, (from, to, feature) -> {
            float m = mean[feature];
            float s = std[feature];
            for (int i = from; i < to; i++) {
                out[i] = data[i] * s + m;
            }
        });
        return out;
    }

    /**
     * Each run of {@code stride} values that share a feature, in order. Finding the feature once a run, not by a
     * division and a modulo per value, leaves a loop the server compiler turns into vector instructions (a batch of
     * 32 log-mels of 128 × 128 scaled 6 times as fast, docs/performance.md).
     */
    private void forEachRun(int length, int stride, Run run) {
        if (stride < 1) {
            throw new IllegalArgumentException("a stride of at least 1 value, not " + stride);
        }
        int features = mean.length;
        for (int from = 0, feature = 0; from < length; from += stride, feature = feature + 1 == features ? 0 : feature + 1) {
            run.scale(from, Math.min(length, from + stride), feature);
        }
    }

    private interface Run {
        void scale(int from, int to, int feature);
    }
}
