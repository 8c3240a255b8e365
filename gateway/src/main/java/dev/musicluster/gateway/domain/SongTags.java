package dev.musicluster.gateway.domain;

import dev.musicluster.contracts.MusicnnTags;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each song's most likely musicnn tags, read from its {@link SoundProfiles} profile: what the networks hear in it, for
 * people to read (a tag two networks share counts once, with its higher probability). Never a label, never clustered.
 */
public class SongTags {

    public static final int TOP = 3;

    private final SoundProfiles sounds;

    public SongTags(SoundProfiles sounds) {
        this.sounds = sounds;
    }

    /** The song's top tags, most likely first; empty when it has none (yet). */
    public List<String> of(String songId) {
        return sounds.of(songId).filter(profile -> profile.tags() != null).map(profile -> top(profile.tags(), TOP)).orElse(List.of());
    }

    static List<String> top(float[] probabilities, int count) {
        Map<String, Float> byName = new LinkedHashMap<>();
        for (int t = 0; t < probabilities.length && t < MusicnnTags.NAMES.size(); t++) {
            byName.merge(MusicnnTags.NAMES.get(t), probabilities[t], Math::max);
        }
        List<Map.Entry<String, Float>> ranked = new ArrayList<>(byName.entrySet());
        ranked.sort(Map.Entry.<String, Float>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        return ranked.stream().limit(count).map(Map.Entry::getKey).toList();
    }
}
