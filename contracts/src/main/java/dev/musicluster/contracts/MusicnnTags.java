package dev.musicluster.contracts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names of musicnn's tag outputs (docs/musicnn.md), in the order of the tag vectors the feature service
 * publishes: the network trained on the Million Song Dataset (Last.fm tags), then the one trained on MagnaTagATune.
 * Tags are what the networks hear, not labels: they describe clusters and songs, and feed a clustering only when a
 * user picks the tag vector as a representation.
 */
public final class MusicnnTags {

    public static final List<String> MSD = List.of(
            "rock", "pop", "alternative", "indie", "electronic", "female vocalists", "dance", "00s",
            "alternative rock", "jazz", "beautiful", "metal", "chillout", "male vocalists", "classic rock", "soul",
            "indie rock", "Mellow", "electronica", "80s", "folk", "90s", "chill", "instrumental", "punk", "oldies",
            "blues", "hard rock", "ambient", "acoustic", "experimental", "female vocalist", "guitar", "Hip-Hop",
            "70s", "party", "country", "easy listening", "sexy", "catchy", "funk", "electro", "heavy metal",
            "Progressive rock", "60s", "rnb", "indie pop", "sad", "House", "happy");

    public static final List<String> MTT = List.of(
            "guitar", "classical", "slow", "techno", "strings", "drums", "electronic", "rock", "fast", "piano",
            "ambient", "beat", "violin", "vocal", "synth", "female", "indian", "opera", "male", "singing", "vocals",
            "no vocals", "harpsichord", "loud", "quiet", "flute", "woman", "male vocal", "no vocal", "pop", "soft",
            "sitar", "solo", "man", "classic", "choir", "voice", "new age", "dance", "male voice", "female vocal",
            "beats", "harp", "cello", "no voice", "weird", "country", "metal", "female voice", "choral");

    /** MSD's 50 then MTT's 50: the order of {@code AudioFeaturesExtracted#musicnnTags()}. */
    public static final List<String> NAMES = concat(MSD, MTT);

    private MusicnnTags() {
    }

    /** A tag and its probability in one song. */
    public record Tag(String name, double probability) {
    }

    /**
     * A song's {@code count} most likely tags, most likely first (ties by name), from its probabilities in the order
     * of {@link #NAMES}: a tag both networks have counts once, with its higher probability.
     */
    public static List<Tag> top(double[] probabilities, int count) {
        Map<String, Double> byName = new LinkedHashMap<>();
        for (int t = 0; t < probabilities.length && t < NAMES.size(); t++) {
            byName.merge(NAMES.get(t), probabilities[t], Math::max);
        }
        return byName.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(count).map(e -> new Tag(e.getKey(), e.getValue())).toList();
    }

    /** {@link #top(double[], int)}'s names, from float probabilities as events carry them. */
    public static List<String> topNames(float[] probabilities, int count) {
        double[] wide = new double[probabilities.length];
        for (int t = 0; t < wide.length; t++) {
            wide[t] = probabilities[t];
        }
        return top(wide, count).stream().map(Tag::name).toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
