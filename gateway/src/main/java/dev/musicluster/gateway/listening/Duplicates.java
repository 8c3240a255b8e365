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

    /**
     * Every duplicate pair, nearest first. Up to {@link #EXACT_UP_TO} songs, each is compared with every song of about
     * its duration; above, where that is quadratic (a library of 30-s previews has one duration), only the pairs a
     * {@link RandomHyperplaneHash} puts near each other are compared.
     */
    public static List<Pair> find(List<SongPoint> songs, double maxDistance) {
        List<SongPoint> timed = new ArrayList<>(songs.stream().filter(s -> Double.isFinite(s.seconds())).toList());
        timed.sort(Comparator.comparingDouble(SongPoint::seconds).thenComparing(SongPoint::id));
        List<Pair> pairs = new ArrayList<>();
        if (timed.size() <= EXACT_UP_TO) {
            for (int i = 0; i < timed.size(); i++) {
                for (int j = i + 1; j < timed.size() && sameDuration(timed.get(i).seconds(), timed.get(j).seconds()); j++) {
                    pairIfNear(timed.get(i), timed.get(j), maxDistance, pairs);
                }
            }
        } else {
            float[][] directions = timed.stream().map(SongPoint::direction).toArray(float[][]::new);
            for (long pair : RandomHyperplaneHash.nearPairs(directions, (i, j) -> near(timed.get(i), timed.get(j), maxDistance) ? 1 : 0)) {
                pairIfNear(timed.get((int) (pair >>> 32)), timed.get((int) pair), maxDistance, pairs);
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::distance).thenComparing(Pair::first).thenComparing(Pair::second));
        return pairs;
    }

    /** Up to this many songs the exact scan over durations costs less than hashing. */
    public static final int EXACT_UP_TO = 4_000;

    private static boolean near(SongPoint a, SongPoint b, double maxDistance) {
        return sameDuration(a.seconds(), b.seconds()) && a.distanceTo(b) <= maxDistance;
    }

    private static void pairIfNear(SongPoint a, SongPoint b, double maxDistance, List<Pair> pairs) {
        double distance = a.distanceTo(b);
        if (distance <= maxDistance) {
            boolean ordered = a.id().compareTo(b.id()) < 0;
            SongPoint first = ordered ? a : b;
            SongPoint second = ordered ? b : a;
            pairs.add(new Pair(first.id(), second.id(), distance, first.seconds(), second.seconds()));
        }
    }

    /** Within 1 % of the longer or 2 s, whichever is larger. */
    public static boolean sameDuration(double a, double b) {
        return Math.abs(a - b) <= Math.max(RELATIVE_TOLERANCE * Math.max(a, b), ABSOLUTE_TOLERANCE);
    }
}
