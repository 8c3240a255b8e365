package dev.musicluster.gateway.listening;

/**
 * Whether two log-mel spectrograms are the same recording: the Pearson correlation of their time-aligned frames
 * (each band's mean removed, four frames pooled to about 0.1 s), at the best offset near the one their windows
 * imply. Re-encoding keeps a recording's spectral peaks where they were (0.84 and more, measured down to MP3 at 64
 * kb/s and 22 kHz), two different songs do not, even when a network hears them alike: two synthetic demo songs of one
 * style, 0.01 apart in musicnn's embedding, correlate at 0.53 at most (docs/listening.md).
 */
public final class SpectrogramMatch {

    public static final double MIN_CORRELATION = 0.7;
    static final int POOL = 4;

    private SpectrogramMatch() {
    }

    /**
     * @param a           mels × framesA values, row-major (a band per row), as {@code logmel.npy} holds them
     * @param expectedLag where b's first frame lies in a, in frames (the windows' start times differ)
     * @param search      how many frames either side of it to try
     */
    public static double correlation(float[] a, int framesA, float[] b, int framesB, int mels, int expectedLag, int search) {
        float[][] pa = pooled(a, framesA, mels);
        float[][] pb = pooled(b, framesB, mels);
        int centre = Math.round((float) expectedLag / POOL);
        int around = Math.max(1, (search + POOL - 1) / POOL);
        double best = -1;
        for (int lag = centre - around; lag <= centre + around; lag++) {
            best = Math.max(best, correlationAt(pa, pb, lag));
        }
        return best;
    }

    /** Pearson correlation of a[t + lag] with b[t] over the frames both have; −1 when they share fewer than 10. */
    private static double correlationAt(float[][] a, float[][] b, int lag) {
        int from = Math.max(0, -lag);
        int to = Math.min(b[0].length, a[0].length - lag);
        if (to - from < 10) {
            return -1;
        }
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int m = 0; m < a.length; m++) {
            for (int t = from; t < to; t++) {
                double x = a[m][t + lag];
                double y = b[m][t];
                ab += x * y;
                aa += x * x;
                bb += y * y;
            }
        }
        return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : -1;
    }

    /** Frames averaged four by four, each band's mean removed. */
    private static float[][] pooled(float[] values, int frames, int mels) {
        if (values.length != frames * mels) {
            throw new IllegalArgumentException("a spectrogram of " + mels + " × " + frames + " has " + frames * mels
                    + " values, not " + values.length);
        }
        int pooledFrames = Math.max(1, frames / POOL);
        float[][] out = new float[mels][pooledFrames];
        for (int m = 0; m < mels; m++) {
            double mean = 0;
            for (int t = 0; t < pooledFrames; t++) {
                double sum = 0;
                int count = 0;
                for (int k = t * POOL; k < Math.min(frames, (t + 1) * POOL); k++) {
                    sum += values[m * frames + k];
                    count++;
                }
                out[m][t] = (float) (sum / count);
                mean += out[m][t];
            }
            mean /= pooledFrames;
            for (int t = 0; t < pooledFrames; t++) {
                out[m][t] -= (float) mean;
            }
        }
        return out;
    }
}
