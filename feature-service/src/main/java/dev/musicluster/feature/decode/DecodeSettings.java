package dev.musicluster.feature.decode;

import dev.musicluster.feature.domain.audio.BadAudioException;
import dev.musicluster.feature.domain.audio.ClipWindow;
import dev.musicluster.feature.domain.audio.MonoResamplingSink;

/**
 * What to decode: which window of the track, at which rate, and the longest track accepted.
 *
 * @param maxSeconds tracks longer than this are refused, whichever window is taken
 */
public record DecodeSettings(int targetRate, ClipWindow window, double windowSeconds, double maxSeconds) {

    /** {@link #DEFAULT}'s window, as text for configuration defaults. */
    public static final String DEFAULT_WINDOW = "CENTRE";
    public static final String DEFAULT_WINDOW_SECONDS = "60";

    /**
     * The centre minute: a song is described by more of itself than librosa's customary first 30 s (on emotify-dev's
     * 60-s clips the best genre NMI of every representation rose by 0.04 to 0.10 over five seeds, docs/quality.md), and the
     * middle of a track is more typical of it than its intro. A 30-s preview is read whole either way.
     */
    public static final DecodeSettings DEFAULT = new DecodeSettings(22_050, ClipWindow.valueOf(DEFAULT_WINDOW),
            Double.parseDouble(DEFAULT_WINDOW_SECONDS), 3600.0);

    /** librosa's {@code load(duration=30)}: the first 30 s, as the reference values were computed. */
    public static final DecodeSettings LIBROSA_FIRST_30_S = new DecodeSettings(22_050, ClipWindow.FIRST, 30.0, 3600.0);

    /** A sink for a stream of the given shape, refusing a track over the limit when its length is known. */
    MonoResamplingSink sink(int channels, int sourceRate, double sourceSeconds) {
        if (!Double.isNaN(sourceSeconds) && sourceSeconds > maxSeconds) {
            throw new BadAudioException(String.format("audio is %.0f s long, over the %.0f s limit", sourceSeconds, maxSeconds));
        }
        long keep = window == ClipWindow.WHOLE ? (long) Math.ceil(maxSeconds * sourceRate) : Math.round(windowSeconds * sourceRate);
        long total = Double.isNaN(sourceSeconds) ? -1 : Math.round(sourceSeconds * sourceRate);
        return new MonoResamplingSink(channels, sourceRate, targetRate, window.skipFrames(total, keep), keep);
    }

    /** A WHOLE-track decode that fills its window ran past the duration limit. */
    void checkNotOverLimit(MonoResamplingSink sink) {
        if (window == ClipWindow.WHOLE && sink.full()) {
            throw new BadAudioException(String.format("audio runs past the %.0f s limit", maxSeconds));
        }
    }
}
