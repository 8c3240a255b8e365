package dev.musicluster.embedding.domain.language;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * Language identification with Lingua, restricted to the configured languages, helped by the writing system.
 * Lyrics mix languages: K-pop and J-pop verses carry English hooks, and a statistical detector reading the whole
 * text often picks the language of the hook. So the text is split by script first; a script that belongs to one
 * configured language (Hangul to Korean, kana to Japanese, Bengali to Bangla...) names it directly, and Lingua
 * decides only within a script shared by several (Latin, Devanagari, Han without kana). Each part's share is
 * measured in syllables rather than letters, so that an English line does not outweigh a Korean verse.
 */
public final class LanguageIdentifier {

    private final LanguageDetector detector;
    private final List<Language> languages;

    public LanguageIdentifier(List<String> isoCodes) {
        this.languages = isoCodes.stream().map(LanguageIdentifier::language).toList();
        this.detector = LanguageDetectorBuilder.fromLanguages(languages.toArray(Language[]::new)).build();
    }

    /** bn, en, hi, ko, ja, es, de, fr and the other languages most often sung in; see docs/embeddings.md. */
    public static final List<String> DEFAULT_LANGUAGES = List.of("bn", "en", "hi", "ko", "ja", "es", "de", "fr",
            "pt", "it", "nl", "ru", "tr", "id");

    public LanguageGuess identify(String text) {
        Map<Character.UnicodeScript, StringBuilder> parts = ScriptParts.split(text);
        if (parts.isEmpty()) {
            return LanguageGuess.UNKNOWN;
        }
        boolean hasKana = parts.containsKey(Character.UnicodeScript.HIRAGANA) || parts.containsKey(Character.UnicodeScript.KATAKANA);
        Map<String, Double> weights = new LinkedHashMap<>();
        double linguaConfidence = 1.0;
        for (Map.Entry<Character.UnicodeScript, StringBuilder> part : parts.entrySet()) {
            Character.UnicodeScript script = part.getKey();
            String partText = part.getValue().toString();
            double syllables = ScriptParts.syllables(script, partText);
            Language owner = ScriptParts.owner(script, hasKana, languages);
            String language;
            if (owner != null) {
                language = iso(owner);
            } else {
                Map.Entry<Language, Double> best = best(partText, script);
                if (best == null) {
                    continue;
                }
                language = iso(best.getKey());
                linguaConfidence = Math.min(linguaConfidence, best.getValue());
            }
            weights.merge(language, syllables, Double::sum);
        }
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        if (total <= 0) {
            return LanguageGuess.UNKNOWN;
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        weights.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(entry -> shares.put(entry.getKey(), entry.getValue() / total));
        Map.Entry<String, Double> main = shares.entrySet().iterator().next();
        return new LanguageGuess(main.getKey(), main.getValue() * linguaConfidence, shares);
    }

    /** Lingua's most likely configured language for a text in one script, with its confidence. */
    private Map.Entry<Language, Double> best(String text, Character.UnicodeScript script) {
        SortedMap<Language, Double> confidences = detector.computeLanguageConfidenceValues(text);
        return confidences.entrySet().stream()
                .filter(entry -> ScriptParts.writes(entry.getKey(), script))
                .max(Comparator.comparingDouble(Map.Entry::getValue))
                .filter(entry -> entry.getValue() > 0)
                .orElse(null);
    }

    static Language language(String iso) {
        try {
            Language language = Language.getByIsoCode639_1(IsoCode639_1.valueOf(iso.toUpperCase(Locale.ROOT)));
            if (language == Language.UNKNOWN) {
                throw new IllegalArgumentException(iso);
            }
            return language;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("language " + iso + " is not one Lingua knows (ISO 639-1 expected)", e);
        }
    }

    static String iso(Language language) {
        return language.getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
    }

    /** An empty map keyed by script: EnumMap keeps the scripts in a stable order. */
    static <V> Map<Character.UnicodeScript, V> scriptMap() {
        return new EnumMap<>(Character.UnicodeScript.class);
    }
}
