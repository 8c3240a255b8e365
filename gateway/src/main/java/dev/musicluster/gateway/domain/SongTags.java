package dev.musicluster.gateway.domain;

import dev.musicluster.contracts.MusicnnTags;
import dev.musicluster.contracts.events.AudioFeaturesExtracted;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each song's most likely musicnn tags, from its features: what the networks hear in it, for people to read (a tag
 * two networks share counts once, with its higher probability). Never a label, never clustered.
 */
public class SongTags {

    public static final int TOP = 3;

    private final Map<String, List<String>> bySong = new ConcurrentHashMap<>();

    public void put(AudioFeaturesExtracted features) {
        if (features.musicnn() == null) {
            bySong.remove(features.songId());
            return;
        }
        bySong.put(features.songId(), top(features.musicnn().tags(), TOP));
    }

    /** The song's top tags, most likely first; empty when it has none (yet). */
    public List<String> of(String songId) {
        return bySong.getOrDefault(songId, List.of());
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
