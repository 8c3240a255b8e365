package dev.musicluster.feature.decode;

import dev.musicluster.feature.domain.audio.BadAudioException;
import dev.musicluster.feature.domain.audio.ClipWindow;
import dev.musicluster.feature.domain.audio.PcmAudio;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What to decode: which window of the track, at which rate (and at which other rates from the same decode), and the
 * longest track accepted.
 *
 * @param maxSeconds tracks longer than this are refused, whichever window is taken
 * @param alsoAt     other rates wanted from the same decode ({@link PcmAudio#at(int)})
 */
public record DecodeSettings(int targetRate, ClipWindow window, double windowSeconds, double maxSeconds, List<Integer> alsoAt) {

    public DecodeSettings {
        alsoAt = List.copyOf(alsoAt);
    }

    public DecodeSettings(int targetRate, ClipWindow window, double windowSeconds, double maxSeconds) {
        this(targetRate, window, windowSeconds, maxSeconds, List.of());
    }

    /** The same, with the audio also resampled to {@code rate}. */
    public DecodeSettings alsoAt(int rate) {
        List<Integer> rates = new ArrayList<>(alsoAt);
        rates.add(rate);
        return new DecodeSettings(targetRate, window, windowSeconds, maxSeconds, rates);
    }

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

    /**
     * The stretch of the track to decode, in frames at the source rate: the window, or for a WHOLE track everything
     * up to the limit. A track over the limit is refused here when its length is known.
     */
    Span span(int sourceRate, double sourceSeconds) {
        if (!Double.isNaN(sourceSeconds) && sourceSeconds > maxSeconds) {
            throw new BadAudioException(String.format("audio is %.0f s long, over the %.0f s limit", sourceSeconds, maxSeconds));
        }
        long keep = window == ClipWindow.WHOLE ? (long) Math.ceil(maxSeconds * sourceRate) : Math.round(windowSeconds * sourceRate);
        long total = Double.isNaN(sourceSeconds) ? -1 : Math.round(sourceSeconds * sourceRate);
        return new Span(sourceRate, window.skipFrames(total, keep), keep);
    }

    /** Where the decode starts and how much it keeps, in frames of the source. */
    record Span(int sourceRate, long skipFrames, long keepFrames) {

        double startSeconds() {
            return (double) skipFrames / sourceRate;
        }

        double seconds() {
            return (double) keepFrames / sourceRate;
        }

        /** The span's length in samples at {@code rate}. */
        long samplesAt(int rate) {
            return Math.round(keepFrames * (double) rate / sourceRate);
        }
    }

    /** Every rate wanted, the main one first. */
    int[] rates() {
        return IntStream.concat(IntStream.of(targetRate), alsoAt.stream().mapToInt(Integer::intValue)).distinct().toArray();
    }

    boolean wholeTrack() {
        return window == ClipWindow.WHOLE;
    }

}
