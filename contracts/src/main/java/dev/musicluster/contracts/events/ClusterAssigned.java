package dev.musicluster.contracts.events;

import java.time.Instant;

/**
 * A song's cluster under the active clustering (the primary model and algorithm of the latest run). Compacted by
 * song id: the newest clustering's assignment wins.
 *
 * @param cluster  the cluster, or -1 for noise
 * @param distance Euclidean distance from the song's latent to its cluster's centre
 * @param online   true for a song that arrived after the clustering and was assigned to the nearest centre
 */
public record ClusterAssigned(
        int schemaVersion,
        String songId,
        String runId,
        String representation,
        String algorithm,
        int cluster,
        double distance,
        boolean online,
        Instant assignedAt) implements Event {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String key() {
        return songId;
    }
}
