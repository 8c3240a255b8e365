package dev.musicluster.gateway.listening;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Keeps a playlist's id across re-clusterings: a new cluster takes the id of the previous clustering's playlist it
 * overlaps most when their Jaccard index (shared songs over songs in either) is at least {@link #MIN_JACCARD}, each
 * old id going to one new cluster at most (best overlaps first); every other cluster gets a new id. Immutable: each
 * clustering gives the next lineage, which the gateway stores so that ids survive its restarts.
 *
 * @param clustering the clustering the ids are for (run/representation/algorithm), null before the first
 * @param members    each playlist id's songs in that clustering
 * @param next       the number the next new id gets
 */
public record PlaylistLineage(String clustering, Map<String, Set<String>> members, Map<Integer, String> byCluster, int next) {

    public static final double MIN_JACCARD = 0.5;

    public PlaylistLineage {
        Map<String, Set<String>> copy = new TreeMap<>();
        members.forEach((id, songs) -> copy.put(id, Set.copyOf(songs)));
        members = Map.copyOf(copy);
        byCluster = Map.copyOf(byCluster);
    }

    public static PlaylistLineage empty() {
        return new PlaylistLineage(null, Map.of(), Map.of(), 1);
    }

    /** The lineage after {@code clustering}, whose clusters hold {@code clusters}; the same one for the same clustering. */
    public PlaylistLineage next(String clustering, Map<Integer, Set<String>> clusters) {
        if (clustering.equals(this.clustering) && clusters.keySet().equals(byCluster.keySet())) {
            Map<String, Set<String>> now = new HashMap<>();
            clusters.forEach((cluster, songs) -> now.put(byCluster.get(cluster), songs));
            return new PlaylistLineage(clustering, now, byCluster, next);
        }
        List<Match> matches = new ArrayList<>();
        clusters.forEach((cluster, songs) -> members.forEach((id, old) -> {
            double jaccard = jaccard(songs, old);
            if (jaccard >= MIN_JACCARD) {
                matches.add(new Match(cluster, id, jaccard));
            }
        }));
        matches.sort((a, b) -> a.jaccard != b.jaccard ? Double.compare(b.jaccard, a.jaccard)
                : a.cluster != b.cluster ? Integer.compare(a.cluster, b.cluster) : a.id.compareTo(b.id));
        Map<Integer, String> ids = new TreeMap<>();
        Set<String> taken = new HashSet<>();
        for (Match match : matches) {
            if (!ids.containsKey(match.cluster) && taken.add(match.id)) {
                ids.put(match.cluster, match.id);
            }
        }
        int counter = next;
        Map<String, Set<String>> now = new HashMap<>();
        for (Integer cluster : new TreeSet<>(clusters.keySet())) {
            if (!ids.containsKey(cluster)) {
                ids.put(cluster, String.format("pl-%04d", counter++));
            }
            now.put(ids.get(cluster), clusters.get(cluster));
        }
        return new PlaylistLineage(clustering, now, ids, counter);
    }

    static double jaccard(Set<String> a, Set<String> b) {
        int shared = 0;
        for (String song : a) {
            if (b.contains(song)) {
                shared++;
            }
        }
        int union = a.size() + b.size() - shared;
        return union == 0 ? 0 : (double) shared / union;
    }

    private record Match(int cluster, String id, double jaccard) {
    }
}
