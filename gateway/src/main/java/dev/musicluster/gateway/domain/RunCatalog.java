package dev.musicluster.gateway.domain;

import dev.musicluster.contracts.events.ClusteringCompleted;
import dev.musicluster.contracts.events.ModelTrained;
import dev.musicluster.contracts.events.TrainingProgress;
import dev.musicluster.contracts.events.TrainingRequested;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** Every run and its status, projected from the training and clustering topics like the song catalog. */
public class RunCatalog {

    private final Map<String, RunStatus> runs = new ConcurrentHashMap<>();
    private final List<Consumer<RunStatus>> listeners = new CopyOnWriteArrayList<>();

    /** Calls {@code listener} with every changed run from now on, until the returned handle is closed. */
    public AutoCloseable subscribe(Consumer<RunStatus> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void requested(TrainingRequested event, Instant at) {
        update(event.runId(), run -> run.withRequest(event, at));
    }

    public void progress(TrainingProgress event, Instant at) {
        update(event.runId(), run -> run.withProgress(event, at));
    }

    public void trained(ModelTrained event, Instant at) {
        update(event.runId(), run -> run.withTrained(event, at));
    }

    public void clustered(ClusteringCompleted event, Instant at) {
        update(event.runId(), run -> run.withClustered(event, at));
    }

    public void failed(String runId, String reason, Instant at) {
        update(runId, run -> run.withFailure(reason, at));
    }

    public Optional<RunStatus> find(String runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    /** Newest first. */
    public List<RunStatus> all() {
        return runs.values().stream().sorted(Comparator.comparing(RunStatus::updatedAt).reversed()).toList();
    }

    private void update(String runId, UnaryOperator<RunStatus> change) {
        RunStatus changed = runs.compute(runId, (id, run) -> change.apply(run == null ? RunStatus.empty(id) : run));
        listeners.forEach(listener -> listener.accept(changed));
    }
}
