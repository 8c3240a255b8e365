package dev.musicluster.gateway.domain;

import dev.musicluster.contracts.events.ClusteringCompleted;
import dev.musicluster.contracts.events.ModelTrained;
import dev.musicluster.contracts.events.TrainingProgress;
import dev.musicluster.contracts.events.TrainingRequested;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A run as the pipeline reports it: what was asked, each model's latest epoch (or why its training failed), each
 * trained and each clustered model, or why the run failed. A run whose models partly failed is done once every other
 * model is clustered. Immutable; the catalog replaces it on every event.
 */
public record RunStatus(String runId, TrainingRequested request, Map<String, TrainingProgress> progress,
                        Map<String, ModelTrained> trained, Map<String, ClusteringCompleted> clustered, String failure,
                        Instant updatedAt) {

    public enum State { REQUESTED, TRAINING, CLUSTERING, DONE, FAILED }

    public RunStatus {
        progress = Map.copyOf(progress);
        trained = Map.copyOf(trained);
        clustered = Map.copyOf(clustered);
    }

    static RunStatus empty(String runId) {
        return new RunStatus(runId, null, Map.of(), Map.of(), Map.of(), null, Instant.EPOCH);
    }

    /**
     * The models the run trains: as requested, or as announced (trained or failed) when the request is not (or no
     * longer) on the topic.
     */
    public List<String> models() {
        if (request != null && !request.models().isEmpty()) {
            return request.models();
        }
        Set<String> announced = new LinkedHashSet<>(trained.keySet());
        announced.addAll(failedModels().keySet());
        return List.copyOf(announced);
    }

    /** The models whose training failed, with the reason; the run goes on without them. */
    public Map<String, String> failedModels() {
        Map<String, String> failed = new LinkedHashMap<>();
        progress.forEach((model, latest) -> {
            if (latest.failed()) {
                failed.put(model, latest.failure());
            }
        });
        return failed;
    }

    public State state() {
        if (failure != null) {
            return State.FAILED;
        }
        Set<String> failed = failedModels().keySet();
        List<String> succeeding = models().stream().filter(model -> !failed.contains(model)).toList();
        if (!models().isEmpty() && succeeding.isEmpty()) {
            return State.FAILED;
        }
        if (!succeeding.isEmpty() && clustered.keySet().containsAll(succeeding)) {
            return State.DONE;
        }
        if (!succeeding.isEmpty() && trained.keySet().containsAll(succeeding)) {
            return State.CLUSTERING;
        }
        return progress.isEmpty() && trained.isEmpty() ? State.REQUESTED : State.TRAINING;
    }

    RunStatus withRequest(TrainingRequested event, Instant at) {
        return new RunStatus(runId, event, progress, trained, clustered, failure, at);
    }

    RunStatus withProgress(TrainingProgress event, Instant at) {
        return new RunStatus(runId, request, put(progress, event.model(), event), trained, clustered, failure, at);
    }

    RunStatus withTrained(ModelTrained event, Instant at) {
        return new RunStatus(runId, request, progress, put(trained, event.model(), event), clustered, failure, at);
    }

    RunStatus withClustered(ClusteringCompleted event, Instant at) {
        return new RunStatus(runId, request, progress, trained, put(clustered, event.primaryRepresentation(), event), failure, at);
    }

    RunStatus withFailure(String reason, Instant at) {
        return new RunStatus(runId, request, progress, trained, clustered, reason, at);
    }

    private static <T> Map<String, T> put(Map<String, T> map, String key, T value) {
        Map<String, T> copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return copy;
    }
}
