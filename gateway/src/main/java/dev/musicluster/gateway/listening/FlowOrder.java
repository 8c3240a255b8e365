package dev.musicluster.gateway.listening;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders songs so that each next one is the nearest not yet played to the one before (a greedy walk through the
 * space): a playlist that flows instead of jumping. At most {@code perArtist} songs of one artist are taken; the
 * rest of an artist's songs are left out, not moved to the end.
 */
public final class FlowOrder {

    private FlowOrder() {
    }

    /**
     * @param start     the first song (it counts toward its artist's limit)
     * @param others    the songs to walk through (the start among them is ignored)
     * @param perArtist at most this many songs per artist (≥ 1)
     * @param limit     at most this many songs in all, the start included
     */
    public static List<SongPoint> from(SongPoint start, List<SongPoint> others, int perArtist, int limit) {
        if (perArtist < 1) {
            throw new IllegalArgumentException("at most " + perArtist + " songs per artist: it must be at least 1");
        }
        List<SongPoint> left = new ArrayList<>();
        for (SongPoint song : others) {
            if (!song.id().equals(start.id())) {
                left.add(song);
            }
        }
        Map<String, Integer> perArtistCount = new HashMap<>();
        List<SongPoint> order = new ArrayList<>();
        order.add(start);
        count(perArtistCount, start);
        SongPoint current = start;
        while (order.size() < limit && !left.isEmpty()) {
            int best = -1;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int i = 0; i < left.size(); i++) {
                SongPoint candidate = left.get(i);
                String artist = candidate.artistKey();
                if (artist != null && perArtistCount.getOrDefault(artist, 0) >= perArtist) {
                    continue;
                }
                double distance = current.distanceTo(candidate);
                if (distance < bestDistance || (distance == bestDistance && candidate.id().compareTo(left.get(best).id()) < 0)) {
                    best = i;
                    bestDistance = distance;
                }
            }
            if (best < 0) {
                break;
            }
            current = left.remove(best);
            order.add(current);
            count(perArtistCount, current);
        }
        return order;
    }

    private static void count(Map<String, Integer> perArtist, SongPoint song) {
        if (song.artistKey() != null) {
            perArtist.merge(song.artistKey(), 1, Integer::sum);
        }
    }
}
