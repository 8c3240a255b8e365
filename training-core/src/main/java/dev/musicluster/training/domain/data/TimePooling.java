package dev.musicluster.training.domain.data;

/**
 * Brings a spectrogram of any length to a fixed number of frames by adaptive average pooling along time (PyTorch's
 * {@code adaptive_avg_pool1d} windows): a whole song in a fixed-size image, shorter ones stretched.
 */
public final class TimePooling {

    private TimePooling() {
    }

    /** {@code spectrogram} is {@code rows × frames}, row-major; the result is {@code rows × target}. */
    public static float[] pool(float[] spectrogram, int rows, int frames, int target) {
        if (frames <= 0 || spectrogram.length != rows * frames) {
            throw new IllegalArgumentException("spectrogram of " + spectrogram.length + " values is not " + rows + " x " + frames);
        }
        float[] out = new float[rows * target];
        for (int t = 0; t < target; t++) {
            int start = (int) Math.floor((double) t * frames / target);
            int end = (int) Math.ceil((double) (t + 1) * frames / target);
            for (int r = 0; r < rows; r++) {
                double sum = 0;
                int base = r * frames;
                for (int f = start; f < end; f++) {
                    sum += spectrogram[base + f];
                }
                out[r * target + t] = (float) (sum / (end - start));
            }
        }
        return out;
    }
}
