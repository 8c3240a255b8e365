package dev.musicluster.gateway.listening;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Orders songs so that each next one is the nearest not yet played to the one before (a greedy walk through the
 * space): a playlist that flows instead of jumping. At most {@code perArtist} songs of one artist are taken; the
 * rest of an artist's songs are left out, not moved to the end.
 *
 * <p>The next song is sought among the first {@link #NEIGHBOURHOOD} songs not yet played, in the order given (a
 * cluster's members nearest its centre first): a walk over m songs costs m × 512 distances, not m². Up to 512 songs
 * it is the whole greedy walk; in a larger cluster the walk drifts from the centre outward, still each step to the
 * nearest song of that neighbourhood (docs/scale.md measures both).
 */
public final class FlowOrder {

    /** Songs considered at each step. */
    public static final int NEIGHBOURHOOD = 512;

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
        Iterator<SongPoint> waiting = others.stream().filter(song -> !song.id().equals(start.id())).iterator();
        Map<String, Integer> perArtistCount = new HashMap<>();
        List<SongPoint> order = new ArrayList<>();
        order.add(start);
        count(perArtistCount, start);
        SongPoint current = start;
        while (order.size() < limit) {
            // An artist played enough stays so: their songs leave the neighbourhood for good, making room for others.
            do {
                refill(left, waiting);
            } while (left.removeIf(song -> song.artistKey() != null && perArtistCount.getOrDefault(song.artistKey(), 0) >= perArtist));
            if (left.isEmpty()) {
                break;
            }
            int best = 0;
            double bestDistance = current.distanceTo(left.get(0));
            for (int i = 1; i < left.size(); i++) {
                SongPoint candidate = left.get(i);
                double distance = current.distanceTo(candidate);
                if (distance < bestDistance || (distance == bestDistance && candidate.id().compareTo(left.get(best).id()) < 0)) {
                    best = i;
                    bestDistance = distance;
                }
            }
            current = left.remove(best);
            order.add(current);
            count(perArtistCount, current);
        }
        return order;
    }

    private static void refill(List<SongPoint> left, Iterator<SongPoint> waiting) {
        while (left.size() < NEIGHBOURHOOD && waiting.hasNext()) {
            left.add(waiting.next());
        }
    }

    private static void count(Map<String, Integer> perArtist, SongPoint song) {
        if (song.artistKey() != null) {
            perArtist.merge(song.artistKey(), 1, Integer::sum);
        }
    }
}
