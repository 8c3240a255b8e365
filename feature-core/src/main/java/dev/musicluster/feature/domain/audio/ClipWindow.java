package dev.musicluster.feature.domain.audio;

/** Which part of a track becomes features. */
public enum ClipWindow {
    /** The first {@code seconds} (librosa's {@code duration=}). */
    FIRST,
    /** The {@code seconds} around the middle of the track: the default, with 60 s. */
    CENTRE,
    /** The whole track, up to the duration limit. */
    WHOLE;

    /** Input frames to skip before the window, given the track's length (when known) and the window's. */
    public long skipFrames(long totalFrames, long windowFrames) {
        if (this != CENTRE || totalFrames <= windowFrames || totalFrames < 0) {
            return 0;
        }
        return (totalFrames - windowFrames) / 2;
    }
}
