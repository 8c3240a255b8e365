package dev.musicluster.gateway.listening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Songs ranked by the tags a text names: a song's score is the geometric mean of its probabilities for those tags
 * (a tag both networks name takes the higher), so "mellow piano" ranks a mellow piano piece above a loud piano one
 * and above a mellow song without piano.
 */
public final class SoundSearch {

    private SoundSearch() {
    }

    /** A song's tag probabilities, indexed like the tag names. */
    public record Tagged(String songId, float[] probabilities) {
    }

    public record Scored(String songId, double score, Map<String, Double> byTag) {
    }

    public static List<Scored> rank(Map<String, List<Integer>> tags, List<Tagged> songs, int count) {
        if (tags.isEmpty()) {
            throw new IllegalArgumentException("no tag to rank by");
        }
        List<Scored> scored = new ArrayList<>(songs.size());
        for (Tagged song : songs) {
            double logSum = 0;
            Map<String, Double> byTag = new LinkedHashMap<>();
            for (Map.Entry<String, List<Integer>> tag : tags.entrySet()) {
                double p = 0;
                for (int index : tag.getValue()) {
                    if (index < song.probabilities().length) {
                        p = Math.max(p, song.probabilities()[index]);
                    }
                }
                byTag.put(tag.getKey(), p);
                logSum += Math.log(Math.max(p, 1e-6));
            }
            scored.add(new Scored(song.songId(), Math.exp(logSum / tags.size()), byTag));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::songId));
        return scored.subList(0, Math.min(count, scored.size()));
    }
}
