package dev.musicluster.gateway.listening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Words about sound read as musicnn tags: "mellow piano, female vocal" becomes the tags Mellow, piano and female
 * vocal. Case, hyphens and small typos are forgiven (no typo forgiven under 4 letters, an edit distance of 1 up to 5 letters, 2 beyond, the
 * nearest tag winning); the longest run of words that names a tag is taken first, so "female vocal" is one tag, not
 * two. A word that names no tag is reported back, never dropped silently; a few joining words ("and", "with") are
 * read as joining words and reported as such.
 */
public final class SoundWords {

    private static final Set<String> JOINING = Set.of("and", "with", "a", "an", "the", "some", "of", "or", "plus", "&");
    private static final int LONGEST_TAG_WORDS = 3;

    private final Map<String, List<Integer>> indicesByName = new LinkedHashMap<>();

    /** {@code names}: the tag vector's names in order; a name that appears twice (both networks) reads both. */
    public SoundWords(List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            indicesByName.computeIfAbsent(normalised(names.get(i)), n -> new ArrayList<>()).add(i);
        }
    }

    /** What the text was read as. */
    public record Reading(Map<String, List<Integer>> tags, List<String> unknown, List<String> joining) {
    }

    public Reading read(String text) {
        Map<String, List<Integer>> tags = new LinkedHashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        Set<String> joining = new LinkedHashSet<>();
        for (String phrase : text.split("[,;/+\\n]")) {
            String[] words = Arrays.stream(normalised(phrase).split(" ")).filter(w -> !w.isEmpty()).toArray(String[]::new);
            int i = 0;
            while (i < words.length) {
                int taken = 0;
                for (int n = Math.min(LONGEST_TAG_WORDS, words.length - i); n >= 1 && taken == 0; n--) {
                    String candidate = String.join(" ", Arrays.copyOfRange(words, i, i + n));
                    String tag = nearestTag(candidate);
                    if (tag != null) {
                        tags.putIfAbsent(tag, indicesByName.get(tag));
                        taken = n;
                    }
                }
                if (taken == 0) {
                    (JOINING.contains(words[i]) ? joining : unknown).add(words[i]);
                    taken = 1;
                }
                i += taken;
            }
        }
        return new Reading(tags, List.copyOf(unknown), List.copyOf(joining));
    }

    private String nearestTag(String candidate) {
        if (indicesByName.containsKey(candidate)) {
            return candidate;
        }
        if (JOINING.contains(candidate)) {
            return null;
        }
        int allowed = candidate.length() <= 5 ? 1 : 2;
        if (candidate.length() < 4) {
            return null;
        }
        LevenshteinDistance distance = new LevenshteinDistance(allowed);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : indicesByName.keySet()) {
            int d = distance.apply(candidate, name);
            if (d >= 0 && d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        return best;
    }

    static String normalised(String text) {
        return text.toLowerCase(Locale.ROOT).replace('-', ' ').replaceAll("[^\\p{L}\\p{N}& ]", " ").replaceAll("\\s+", " ").strip();
    }
}
