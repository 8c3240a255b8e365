package dev.musicluster.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A model of a run is clustered and evaluated, the run's merged tables updated. Compacted by run id and model.
 *
 * @param assignments for each song id, its cluster under the run's primary representation and algorithm
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
        Map<String, Integer> assignments,
        Instant completedAt,
        Map<Integer, List<String>> clusterTags) implements Event {

    public static final int SCHEMA_VERSION = 1;

    public ClusteringCompleted {
        assignments = assignments == null ? Map.of() : Map.copyOf(assignments);
        clusterTags = clusterTags == null ? Map.of() : Map.copyOf(clusterTags);
    }

    @Override
    public String key() {
        return runId + "/" + primaryRepresentation;
    }
}
