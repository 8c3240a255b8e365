package dev.musicluster.training.domain.model;

/** What a network reads of a song. */
public enum Input {
    /** The summary vector (MFCC statistics, spectral descriptors, tempo). */
    SUMMARY,
    /** The log-mel spectrogram, pooled to a fixed number of frames. */
    LOG_MEL,
    /** The log-mel spectrogram and the lyrics embedding with its presence mask. */
    LOG_MEL_AND_LYRICS,
    /** The summary vector and the lyrics embedding with its presence mask. */
    SUMMARY_AND_LYRICS;

    public boolean usesLyrics() {
        return this == LOG_MEL_AND_LYRICS || this == SUMMARY_AND_LYRICS;
    }

    public boolean usesLogMel() {
        return this == LOG_MEL || this == LOG_MEL_AND_LYRICS;
    }
}
