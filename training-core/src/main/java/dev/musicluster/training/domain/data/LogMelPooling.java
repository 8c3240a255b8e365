package dev.musicluster.training.domain.data;

/**
 * How a model reads a song's log-mel, of whatever length, as a fixed number of frames.
 *
 * <ul>
 * <li>{@linkplain #window(int) The window}: the whole analysed window pooled to {@code frames}, whatever its length:
 * a fixed-size image of the song (conv-vae, the hybrid on the spectrogram). A 30-s preview and a 60-s track fill the
 * same image at different time scales.</li>
 * <li>{@linkplain #perMinute(int) Per minute}: pooled at a fixed rate of {@code frames} per 60 s, so that a frame is
 * the same stretch of time in every song (the contrastive model, whose crops must be the same seconds of music in
 * a preview as in a track). A shorter song is repeated to fill the frames, a longer one contributes its centre.</li>
 * </ul>
 *
 * @param frames    frames per song; 0 for a model that reads no spectrogram ({@link #NONE})
 * @param perMinute whether {@code frames} is a rate (per 60 s) rather than the whole window's length
 */
public record LogMelPooling(int frames, boolean perMinute) {

    /** No spectrogram: the model reads the summary vector (and lyrics). */
    public static final LogMelPooling NONE = new LogMelPooling(0, false);

    private static final double MINUTE = 60.0;

    public LogMelPooling {
        if (frames < 0) {
            throw new IllegalArgumentException("frames must not be negative, not " + frames);
        }
    }

    public static LogMelPooling window(int frames) {
        return new LogMelPooling(frames, false);
    }

    public static LogMelPooling perMinute(int frames) {
        return new LogMelPooling(frames, true);
    }

    public boolean readsLogMel() {
        return frames > 0;
    }

    /**
     * @param spectrogram {@code rows × nativeFrames}, row-major
     * @param seconds     the audio the spectrogram covers; unknown (≤ 0) reads the window whatever the mode
     * @return {@code rows × frames}, row-major
     */
    public float[] apply(float[] spectrogram, int rows, int nativeFrames, double seconds) {
        if (!readsLogMel()) {
            throw new IllegalStateException("a model that reads no spectrogram pools none");
        }
        if (!perMinute || seconds <= 0) {
            return TimePooling.pool(spectrogram, rows, nativeFrames, frames);
        }
        int length = (int) Math.max(1, Math.round(seconds / MINUTE * frames));
        float[] pooled = TimePooling.pool(spectrogram, rows, nativeFrames, length);
        if (length == frames) {
            return pooled;
        }
        // Longer than the frames: the centre; shorter: the song again from its start, as a loop would play it.
        int offset = Math.max(0, (length - frames) / 2);
        float[] out = new float[rows * frames];
        for (int r = 0; r < rows; r++) {
            for (int t = 0; t < frames; t++) {
                out[r * frames + t] = pooled[r * length + (offset + t) % length];
            }
        }
        return out;
    }
}
