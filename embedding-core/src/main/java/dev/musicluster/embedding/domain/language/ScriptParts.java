package dev.musicluster.embedding.domain.language;

import com.github.pemistahl.lingua.api.Language;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A text's letters grouped by writing system, and what each writing system says about the language. */
final class ScriptParts {

    private static final Map<Character.UnicodeScript, Language> SOLE_USERS = Map.of(
            Character.UnicodeScript.HANGUL, Language.KOREAN,
            Character.UnicodeScript.HIRAGANA, Language.JAPANESE,
            Character.UnicodeScript.KATAKANA, Language.JAPANESE,
            Character.UnicodeScript.BENGALI, Language.BENGALI,
            Character.UnicodeScript.THAI, Language.THAI,
            Character.UnicodeScript.GREEK, Language.GREEK);
    private static final Set<Language> DEVANAGARI = Set.of(Language.HINDI, Language.MARATHI);
    private static final Set<Language> CYRILLIC = Set.of(Language.RUSSIAN, Language.UKRAINIAN, Language.BULGARIAN,
            Language.SERBIAN, Language.MACEDONIAN, Language.BELARUSIAN, Language.KAZAKH, Language.MONGOLIAN);
    private static final Set<Language> ARABIC = Set.of(Language.ARABIC, Language.PERSIAN, Language.URDU);

    private ScriptParts() {
    }

    /** Letters (and combining marks) of each script, each script's letters joined with spaces where runs break. */
    static Map<Character.UnicodeScript, StringBuilder> split(String text) {
        Map<Character.UnicodeScript, StringBuilder> parts = LanguageIdentifier.scriptMap();
        Character.UnicodeScript current = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            boolean letter = Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK
                    || Character.getType(c) == Character.COMBINING_SPACING_MARK;
            if (!letter || script == Character.UnicodeScript.COMMON || script == Character.UnicodeScript.INHERITED) {
                if (letter && current != null) {
                    parts.get(current).appendCodePoint(c);
                } else if (current != null) {
                    parts.get(current).append(' ');
                    current = null;
                }
                continue;
            }
            StringBuilder part = parts.computeIfAbsent(script, s -> new StringBuilder());
            if (current != script && part.length() > 0) {
                part.append(' ');
            }
            part.appendCodePoint(c);
            current = script;
        }
        parts.values().removeIf(part -> part.toString().isBlank());
        return parts;
    }

    /**
     * Roughly how many syllables: a Hangul block, a kana or a kanji is one; an Indic akshara about two code points;
     * an alphabet's syllable about four letters (English averages a little over four letters a syllable).
     */
    static double syllables(Character.UnicodeScript script, String part) {
        long letters = part.codePoints().filter(c -> c != ' ').count();
        return switch (script) {
            case HANGUL, HIRAGANA, KATAKANA, HAN -> letters;
            case BENGALI, DEVANAGARI, TAMIL, TELUGU, GUJARATI, GURMUKHI, KANNADA, MALAYALAM -> letters / 2.0;
            default -> letters / 4.0;
        };
    }

    /** The configured language that alone writes this script, if there is exactly one. */
    static Language owner(Character.UnicodeScript script, boolean hasKana, List<Language> configured) {
        if (script == Character.UnicodeScript.HAN && hasKana && configured.contains(Language.JAPANESE)) {
            return Language.JAPANESE;
        }
        Language sole = SOLE_USERS.get(script);
        if (sole != null && configured.contains(sole)) {
            return sole;
        }
        if (script == Character.UnicodeScript.DEVANAGARI) {
            List<Language> users = configured.stream().filter(DEVANAGARI::contains).toList();
            return users.size() == 1 ? users.get(0) : null;
        }
        return null;
    }

    /** Whether a language is written in a script (for the scripts several configured languages share). */
    static boolean writes(Language language, Character.UnicodeScript script) {
        return switch (script) {
            case LATIN -> !SOLE_USERS.containsValue(language) && !DEVANAGARI.contains(language) && !CYRILLIC.contains(language)
                    && !ARABIC.contains(language) && language != Language.CHINESE && language != Language.HEBREW;
            case DEVANAGARI -> DEVANAGARI.contains(language);
            case CYRILLIC -> CYRILLIC.contains(language);
            case ARABIC -> ARABIC.contains(language);
            case HAN -> language == Language.CHINESE || language == Language.JAPANESE;
            default -> true;
        };
    }
}
