package dev.musicluster.gateway.listening;

import java.util.List;

/**
 * Songs to play in order, with a name people can tell apart.
 *
 * @param id      stable across re-clusterings for a cluster's playlist ({@link PlaylistLineage}); made up otherwise
 * @param cluster the cluster it plays, or null for a radio or a path
 * @param tags    the musicnn tags that set its cluster apart (empty when there are none)
 */
public record Playlist(String id, String name, Integer cluster, List<String> tags, List<SongPoint> songs) {

    public Playlist {
        tags = List.copyOf(tags);
        songs = List.copyOf(songs);
    }

    /** The total duration in seconds of the songs whose duration is known. */
    public double seconds() {
        return songs.stream().mapToDouble(SongPoint::seconds).filter(Double::isFinite).sum();
    }
}
