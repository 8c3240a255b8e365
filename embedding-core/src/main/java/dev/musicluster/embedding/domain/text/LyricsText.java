package dev.musicluster.embedding.domain.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Lyrics as the embedders read them: NFKC-normalised (full-width Latin, compatibility jamo and ligatures fold to
 * their plain forms), control characters removed, lower-cased, whitespace collapsed, and cut at a length limit.
 *
 * @param truncated whether the original was longer than the limit
 */
public record LyricsText(String text, int originalLength, boolean truncated) {

    public static LyricsText of(String raw, int maxChars) {
        String normalised = Normalizer.normalize(raw == null ? "" : raw, Normalizer.Form.NFKC);
        StringBuilder clean = new StringBuilder(normalised.length());
        boolean space = true;
        for (int i = 0; i < normalised.length(); ) {
            int c = normalised.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                if (!space) {
                    clean.append(' ');
                    space = true;
                }
            } else {
                clean.appendCodePoint(c);
                space = false;
            }
        }
        String text = clean.toString().strip().toLowerCase(Locale.ROOT);
        int length = text.codePointCount(0, text.length());
        if (length > maxChars) {
            return new LyricsText(text.substring(0, text.offsetByCodePoints(0, maxChars)), length, true);
        }
        return new LyricsText(text, length, false);
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    /** Words: maximal runs of letters, digits and combining marks (the vowel signs of Bengali and Devanagari). */
    public int tokenCount() {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            boolean wordChar = Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
                    || Character.getType(c) == Character.COMBINING_SPACING_MARK;
            boolean ideograph = Character.isIdeographic(c) || Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA
                    || Character.UnicodeScript.of(c) == Character.UnicodeScript.KATAKANA;
            if (ideograph) {
                // Japanese has no spaces: each kana or kanji counts as a token, as a character n-gram model sees it.
                count++;
                inWord = false;
            } else if (wordChar && !inWord) {
                count++;
                inWord = true;
            } else if (!wordChar) {
                inWord = false;
            }
        }
        return count;
    }
}
