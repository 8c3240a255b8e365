package dev.musicluster.gateway.listening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A radio from one song: the {@code count} songs nearest it (after the exclusions, at most {@code perArtist} per
 * artist), played from the seed outward as a flow: each next song the nearest not yet played to the one before.
 */
public final class Radio {

    private Radio() {
    }

    /** What a radio leaves out: songs by id, artists by name (case-insensitive). */
    public record Exclusions(Set<String> songs, Set<String> artists) {

        public Exclusions {
            songs = Set.copyOf(songs);
            artists = artists.stream().map(a -> a.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        }

        boolean isEmpty() {
            return songs.isEmpty() && artists.isEmpty();
        }

        boolean excludes(SongPoint song) {
            // An artist's key is a new string per song: made only when some artist is excluded (radios read the library).
            return songs.contains(song.id()) || (!artists.isEmpty() && song.artistKey() != null && artists.contains(song.artistKey()));
        }
    }

    /** The seed first, then up to {@code count} of the {@code candidates}. */
    public static List<SongPoint> from(SongPoint seed, DirectionMatrix candidates, int count, int perArtist, Exclusions exclusions) {
        // Each song measured once (a comparator that measured it would do so log n times: 150 ms at 10,000 songs of
        // 400 values), into an array: an object per song of the library would be garbage for every radio.
        List<SongPoint> songs = candidates.songs();
        double[] distances = new double[songs.size()];
        candidates.distancesTo(seed.direction(), distances);
        // The seed is found by identity, which reads no song from memory; each song itself (its id, its artist) is
        // read only for exclusions, or for a seed that is another object than the library's own.
        boolean seedFound = false;
        for (int i = 0; i < distances.length; i++) {
            if (songs.get(i) == seed) {
                distances[i] = Double.NaN;
                seedFound = true;
            }
        }
        if (!seedFound || !exclusions.isEmpty()) {
            for (int i = 0; i < distances.length; i++) {
                SongPoint song = songs.get(i);
                if (song.id().equals(seed.id()) || exclusions.excludes(song)) {
                    distances[i] = Double.NaN;
                }
            }
        }
        // Most radios fill from the songs nearest the seed: those are sorted first, the whole library only when the
        // artist limit turned too many of them away (a full sort was 40 % of a radio at 10,000 songs).
        int first = (int) Math.min(Integer.MAX_VALUE, 8L * count + 64);
        List<Scored> nearestFew = nearestFirst(songs, distances, first);
        List<SongPoint> nearest = walk(seed, nearestFew, count, perArtist);
        if (nearest.size() < count && nearestFew.size() == first) {
            nearest = walk(seed, nearestFirst(songs, distances, Integer.MAX_VALUE), count, perArtist);
        }
        return FlowOrder.from(seed, nearest, Integer.MAX_VALUE, count + 1);
    }

    private record Scored(SongPoint song, double distance) {
    }

    private static final Comparator<Scored> NEAREST = Comparator.comparingDouble(Scored::distance).thenComparing(s -> s.song().id());

    /** Up to {@code size} of the measured songs (NaN: left out), nearest first (equal distances by id). */
    private static List<Scored> nearestFirst(List<SongPoint> candidates, double[] distances, int size) {
        java.util.PriorityQueue<Scored> heap = new java.util.PriorityQueue<>(Math.min(size, distances.length) + 1, NEAREST.reversed());
        for (int i = 0; i < distances.length; i++) {
            double distance = distances[i];
            if (Double.isNaN(distance)) {
                continue;
            }
            if (heap.size() < size) {
                heap.add(new Scored(candidates.get(i), distance));
            } else if (distance <= heap.peek().distance()) {
                Scored scored = new Scored(candidates.get(i), distance);
                if (NEAREST.compare(scored, heap.peek()) < 0) {
                    heap.poll();
                    heap.add(scored);
                }
            }
        }
        List<Scored> kept = new ArrayList<>(heap);
        kept.sort(NEAREST);
        return kept;
    }

    /** Up to {@code count} of the songs in order, at most {@code perArtist} of an artist (the seed's counts). */
    private static List<SongPoint> walk(SongPoint seed, List<Scored> ordered, int count, int perArtist) {
        List<SongPoint> nearest = new ArrayList<>();
        Map<String, Integer> perArtistCount = new HashMap<>();
        if (seed.artistKey() != null) {
            perArtistCount.put(seed.artistKey(), 1);
        }
        for (Scored scored : ordered) {
            if (nearest.size() == count) {
                break;
            }
            SongPoint song = scored.song();
            if (song.artistKey() == null || perArtistCount.merge(song.artistKey(), 1, Integer::sum) <= perArtist) {
                nearest.add(song);
            }
        }
        return nearest;
    }
}
