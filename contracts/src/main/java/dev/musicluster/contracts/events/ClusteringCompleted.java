package dev.musicluster.contracts.events;

import java.time.Instant;
import java.util.Map;

/**
 * A model of a run is clustered and evaluated, the run's merged tables updated. Compacted by run id and model.
 *
 * @param assignments for each song id, its cluster under the run's primary representation and algorithm
 */
public record ClusteringCompleted(
        int schemaVersion,
        String runId,
        String metricsKey,
        String assignmentsKey,
        String primaryRepresentation,
        String primaryAlgorithm,
        Map<String, Integer> assignments,
        Instant completedAt) implements Event {

    public static final int SCHEMA_VERSION = 1;

    public ClusteringCompleted {
        assignments = assignments == null ? Map.of() : Map.copyOf(assignments);
    }

    @Override
    public String key() {
        return runId + "/" + primaryRepresentation;
    }
}
