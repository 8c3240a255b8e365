package dev.musicluster.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A model of a run is clustered and evaluated, the run's merged tables updated. Compacted by run id and model. Each
 * song's cluster is in the table under {@code assignmentsKey} and, for the run's primary model, a
 * {@code cluster.assignments} event a song: the event itself stays the same size whatever the library's (it carried
 * every song's cluster until issue 30: 1.5 MB at 100,000 songs, over Kafka's 1 MB record; readers that know the old
 * field find it absent).
 *
 * @param clusterTags each cluster of that partition described by the musicnn tags that set it apart, best first
 *                    (empty when the songs have no musicnn tags, or in events written before they existed)
 */
public record ClusteringCompleted(
        int schemaVersion,
        String runId,
        String metricsKey,
        String assignmentsKey,
        String primaryRepresentation,
        String primaryAlgorithm,
        Instant completedAt,
        Map<Integer, List<String>> clusterTags) implements Event {

    public static final int SCHEMA_VERSION = 1;

    public ClusteringCompleted {
        clusterTags = clusterTags == null ? Map.of() : Map.copyOf(clusterTags);
    }

    @Override
    public String key() {
        return runId + "/" + primaryRepresentation;
    }
}
