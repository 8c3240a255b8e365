package dev.musicluster.contracts.query;

/** What a {@link LyricsQuery} became: its vector in the lyrics space and the language it was read as. */
public record LyricsQueryVector(float[] vector, int dimension, String embedderId, String embedderVersion, String language,
                                double languageConfidence, int tokens, boolean truncated) {
}
