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
        int rows = width == 0 ? 0 : data.length / width;
        double[] sum = new double[width];
        double[] sumSquares = new double[width];
        int used = 0;
        for (int r = 0; r < rows; r++) {
            if (mask != null && mask[r] == 0) {
                continue;
            }
            used++;
            for (int c = 0; c < width; c++) {
                double v = data[r * width + c];
                sum[c] += v;
                sumSquares[c] += v * v;
            }
        }
        return of(sum, sumSquares, used);
    }

    /**
     * Fits one mean and scale per band of spectrograms stored song-major as {@code songs × bands × frames}, over all
     * songs and frames: a band keeps its shape over time.
     */
    public static FeatureScaler fitBands(float[] data, int bands, int frames) {
        double[] sum = new double[bands];
        double[] sumSquares = new double[bands];
        int songs = bands * frames == 0 ? 0 : data.length / (bands * frames);
        for (int s = 0; s < songs; s++) {
            for (int b = 0; b < bands; b++) {
                int base = (s * bands + b) * frames;
                for (int f = 0; f < frames; f++) {
                    double v = data[base + f];
                    sum[b] += v;
                    sumSquares[b] += v * v;
                }
            }
        }
        return of(sum, sumSquares, songs * frames);
    }

    private static FeatureScaler of(double[] sum, double[] sumSquares, int count) {
        float[] mean = new float[sum.length];
        float[] std = new float[sum.length];
        for (int c = 0; c < sum.length; c++) {
            double m = count == 0 ? 0 : sum[c] / count;
            double variance = count == 0 ? 0 : Math.max(0, sumSquares[c] / count - m * m);
            mean[c] = (float) m;
            std[c] = (float) (Math.sqrt(variance) < MIN_STD ? 1.0 : Math.sqrt(variance));
        }
        return new FeatureScaler(mean, std);
    }

    /** Scaled copy of row-major data whose feature index is {@code (i / stride) % features}. */
    public float[] apply(float[] data, int stride) {
        float[] out = new float[data.length];
        int features = mean.length;
        for (int i = 0; i < data.length; i++) {
            int feature = (i / stride) % features;
            out[i] = Math.max(-CLIP, Math.min(CLIP, (data[i] - mean[feature]) / std[feature]));
        }
        return out;
    }

    /** Undoes {@link #apply}, clipping aside (reconstructions back in decibels). */
    public float[] invert(float[] data, int stride) {
        float[] out = new float[data.length];
        int features = mean.length;
        for (int i = 0; i < data.length; i++) {
            int feature = (i / stride) % features;
            out[i] = data[i] * std[feature] + mean[feature];
        }
        return out;
    }
}
