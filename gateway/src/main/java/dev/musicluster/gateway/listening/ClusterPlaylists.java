package dev.musicluster.gateway.listening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One playlist per cluster of a clustering: named by the tags that set the cluster apart and its size, starting from
 * its most representative song and flowing from there ({@link FlowOrder}), at most {@code perArtist} songs per
 * artist. The noise (cluster −1) gets none: it is what fits no cluster.
 */
public final class ClusterPlaylists {

    private ClusterPlaylists() {
    }

    /** A cluster as the playlists read it: members nearest its centre first, and its describing tags. */
    public record ClusterSongs(int cluster, List<SongPoint> membersByCentrality, List<String> tags) {
    }

    /** {@code ids}: each cluster's stable playlist id ({@link PlaylistLineage}). */
    public static List<Playlist> of(List<ClusterSongs> clusters, Map<Integer, String> ids, int perArtist) {
        List<Playlist> playlists = new ArrayList<>();
        Map<String, Integer> used = new HashMap<>();
        for (ClusterSongs cluster : clusters.stream().sorted(Comparator.comparingInt(ClusterSongs::cluster)).toList()) {
            if (cluster.cluster() < 0 || cluster.membersByCentrality().isEmpty()) {
                continue;
            }
            List<SongPoint> order = FlowOrder.from(cluster.membersByCentrality().get(0), cluster.membersByCentrality(), perArtist,
                    Integer.MAX_VALUE);
            String base = name(cluster);
            int seen = used.merge(base, 1, Integer::sum);
            String name = (seen == 1 ? base : base + " (" + seen + ")") + " · " + order.size() + (order.size() == 1 ? " song" : " songs");
            playlists.add(new Playlist(ids.get(cluster.cluster()), name, cluster.cluster(), cluster.tags(), order));
        }
        return playlists;
    }

    private static String name(ClusterSongs cluster) {
        if (cluster.tags().isEmpty()) {
            return "Cluster " + cluster.cluster();
        }
        Set<String> words = new LinkedHashSet<>(cluster.tags());
        return words.stream().map(ClusterPlaylists::capitalised).collect(Collectors.joining(", "));
    }

    private static String capitalised(String tag) {
        return tag.isEmpty() ? tag : tag.substring(0, 1).toUpperCase(Locale.ROOT) + tag.substring(1);
    }
}
