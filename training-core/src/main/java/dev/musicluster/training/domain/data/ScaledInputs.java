package dev.musicluster.training.domain.data;

/**
 * A training set as the networks read it: standardised, row-major, one row per song; absent lyrics are zero rows
 * with mask 0, and the condition is one-hot.
 */
public record ScaledInputs(int songs, float[] summary, int summaryWidth, float[] logMel, int mels, int frames,
                           float[] lyrics, int lyricsWidth, float[] lyricsMask, float[] condition, int conditionWidth) {
}
