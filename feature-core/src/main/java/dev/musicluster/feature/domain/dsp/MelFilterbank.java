package dev.musicluster.feature.domain.dsp;

/**
 * Triangular mel filters on the Slaney (Auditory Toolbox) mel scale, each normalised to unit area, as
 * {@code librosa.filters.mel(htk=False, norm="slaney")} builds them. Built here rather than with TarsosDSP's
 * filterbank, whose last band has its centre at 0 Hz. Stored sparsely: each filter is non-zero on a short run of
 * bins, which makes applying it cheaper than the FFT.
 */
public final class MelFilterbank {

    private static final double F_SP = 200.0 / 3;
    private static final double MIN_LOG_HZ = 1000.0;
    private static final double MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
    private static final double LOG_STEP = Math.log(6.4) / 27.0;

    private final int bands;
    private final int bins;
    private final int[] first;
    private final float[][] weights;

    public MelFilterbank(int sampleRate, int nFft, int bands, double fMin, double fMax) {
        this.bands = bands;
        this.bins = nFft / 2 + 1;
        double[] edges = melFrequencies(bands + 2, fMin, fMax);
        this.first = new int[bands];
        this.weights = new float[bands][];
        for (int m = 0; m < bands; m++) {
            double lowerWidth = edges[m + 1] - edges[m];
            double upperWidth = edges[m + 2] - edges[m + 1];
            double areaNorm = 2.0 / (edges[m + 2] - edges[m]);
            float[] row = new float[bins];
            int lo = bins;
            int hi = -1;
            for (int k = 0; k < bins; k++) {
                double f = (double) k * sampleRate / nFft;
                double rising = (f - edges[m]) / lowerWidth;
                double falling = (edges[m + 2] - f) / upperWidth;
                double w = Math.max(0.0, Math.min(rising, falling));
                // librosa keeps its filterbank in float32.
                row[k] = (float) (w * areaNorm);
                if (row[k] != 0f) {
                    lo = Math.min(lo, k);
                    hi = k;
                }
            }
            first[m] = hi < 0 ? 0 : lo;
            weights[m] = hi < 0 ? new float[0] : java.util.Arrays.copyOfRange(row, lo, hi + 1);
        }
    }

    public static MelFilterbank of(SpectrogramConfig config) {
        return new MelFilterbank(config.sampleRate(), config.nFft(), config.nMels(), 0.0, config.sampleRate() / 2.0);
    }

    public int bands() {
        return bands;
    }

    /** mel[at + m] = Σ_k W[m][k] · power[k], accumulated in double. */
    public void apply(float[] power, double[] mel, int at) {
        for (int m = 0; m < bands; m++) {
            mel[at + m] = Dot.of(weights[m], power, first[m]);
        }
    }

    /** The dense matrix (bands × bins), for inspection and tests. */
    public float[][] matrix() {
        float[][] dense = new float[bands][bins];
        for (int m = 0; m < bands; m++) {
            System.arraycopy(weights[m], 0, dense[m], first[m], weights[m].length);
        }
        return dense;
    }

    static double hzToMel(double hz) {
        return hz >= MIN_LOG_HZ ? MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOG_STEP : hz / F_SP;
    }

    static double melToHz(double mel) {
        return mel >= MIN_LOG_MEL ? MIN_LOG_HZ * Math.exp(LOG_STEP * (mel - MIN_LOG_MEL)) : F_SP * mel;
    }

    /** {@code count} frequencies evenly spaced on the mel scale from fMin to fMax inclusive. */
    static double[] melFrequencies(int count, double fMin, double fMax) {
        double lo = hzToMel(fMin);
        double hi = hzToMel(fMax);
        double[] hz = new double[count];
        for (int i = 0; i < count; i++) {
            hz[i] = melToHz(lo + (hi - lo) * i / (count - 1));
        }
        return hz;
    }
}
