package dev.musicluster.embedding.domain.language;

import java.util.Map;

/**
 * The language of a text (ISO 639-1), how sure, and for mixed-language lyrics each language's share of the text.
 *
 * @param language   the main language, or null when nothing could be told
 * @param confidence 0..1
 * @param shares     language → share of the text, largest first, summing to 1
 */
public record LanguageGuess(String language, double confidence, Map<String, Double> shares) {

    public static final LanguageGuess UNKNOWN = new LanguageGuess(null, 0.0, Map.of());

    public LanguageGuess {
        shares = Map.copyOf(shares);
    }
}
