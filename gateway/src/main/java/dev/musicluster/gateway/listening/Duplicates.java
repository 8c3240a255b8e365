package dev.musicluster.gateway.listening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The same recording ingested twice (another id, encoding, bit rate or sample rate): two songs whose musicnn
 * embeddings, standardised over the collection, point the same way (cosine distance at most {@code maxDistance}) and
 * whose durations agree within {@link #RELATIVE_TOLERANCE} or {@link #ABSOLUTE_TOLERANCE}, whichever is larger. Near-identical
 * embeddings with different durations (a live and a studio take, a radio edit) are not duplicates.
 */
public final class Duplicates {

    /** The distance below which two encodings are one recording (docs/listening.md says how it was measured). */
    public static final double DEFAULT_MAX_DISTANCE = 0.03;
    public static final double RELATIVE_TOLERANCE = 0.01;
    public static final double ABSOLUTE_TOLERANCE = 2.0;

    private Duplicates() {
    }


    public record Pair(String first, String second, double distance, double firstSeconds, double secondSeconds) {
    }

    /** Every duplicate pair, nearest first. Songs are compared only with songs of about their duration. */
    public static List<Pair> find(List<SongPoint> songs, double maxDistance) {
        List<SongPoint> byDuration = new ArrayList<>(songs.stream().filter(s -> Double.isFinite(s.seconds())).toList());
        byDuration.sort(Comparator.comparingDouble(SongPoint::seconds).thenComparing(SongPoint::id));
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < byDuration.size(); i++) {
            SongPoint a = byDuration.get(i);
            for (int j = i + 1; j < byDuration.size(); j++) {
                SongPoint b = byDuration.get(j);
                if (!sameDuration(a.seconds(), b.seconds())) {
                    break;
                }
                double distance = a.distanceTo(b);
                if (distance <= maxDistance) {
                    boolean ordered = a.id().compareTo(b.id()) < 0;
                    SongPoint first = ordered ? a : b;
                    SongPoint second = ordered ? b : a;
                    pairs.add(new Pair(first.id(), second.id(), distance, first.seconds(), second.seconds()));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::distance).thenComparing(Pair::first).thenComparing(Pair::second));
        return pairs;
    }

    /** Within 1 % of the longer or 2 s, whichever is larger. */
    public static boolean sameDuration(double a, double b) {
        return Math.abs(a - b) <= Math.max(RELATIVE_TOLERANCE * Math.max(a, b), ABSOLUTE_TOLERANCE);
    }
}
