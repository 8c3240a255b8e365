package dev.musicluster.gateway.api;

import dev.musicluster.contracts.events.ClusteringCompleted;
import dev.musicluster.contracts.events.ModelTrained;
import dev.musicluster.contracts.events.TrainingProgress;
import dev.musicluster.gateway.domain.RunStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A run as the API shows it: its state, and per model its training progress, its provenance and its results. */
public record RunView(String runId, RunStatus.State state, List<String> models, Map<String, String> hyperParameters,
                      List<String> algorithms, String k, Map<String, ModelView> byModel, String failure, Instant updatedAt,
                      String metrics, String assignments) {

    /**
     * One model's latest epoch, after training on a sample how many songs it has encoded of how many, and once trained
     * and clustered, what came of it; or why its training failed.
     */
    public record ModelView(Integer epoch, Integer epochs, Double loss, Double reconstruction, Double kl, Integer encoded,
                            Integer toEncode, boolean trained, boolean primary, Integer songs, Map<String, String> provenance,
                            boolean clustered, String failure) {
    }

    static RunView of(RunStatus run) {
        Map<String, ModelView> byModel = new LinkedHashMap<>();
        for (String model : run.models()) {
            TrainingProgress p = run.progress().get(model);
            ModelTrained t = run.trained().get(model);
            ClusteringCompleted c = run.clustered().get(model);
            byModel.put(model, new ModelView(p == null ? null : p.epoch(), p == null ? null : p.epochs(), p == null ? null : p.loss(),
                    p == null ? null : p.reconstruction(), p == null ? null : p.kl(), p == null ? null : p.encoded(),
                    p == null ? null : p.toEncode(), t != null, t != null && t.primary(),
                    t == null ? null : t.songCount(), t == null ? Map.of() : t.provenance(), c != null,
                    p == null ? null : p.failure()));
        }
        boolean anyClustered = !run.clustered().isEmpty();
        String base = "/api/runs/" + run.runId();
        return new RunView(run.runId(), run.state(), run.models(),
                run.request() == null ? Map.of() : run.request().hyperParameters(),
                run.request() == null ? List.of() : run.request().algorithms(), run.request() == null ? null : run.request().k(),
                byModel, failure(run), run.updatedAt(),
                anyClustered ? base + "/metrics" : null, anyClustered ? base + "/assignments" : null);
    }

    /** Why the run failed: its own reason, or, when every model failed, each model's. */
    private static String failure(RunStatus run) {
        if (run.failure() != null || run.state() != RunStatus.State.FAILED) {
            return run.failure();
        }
        return "every model failed: " + String.join("; ", run.failedModels().entrySet().stream()
                .map(f -> f.getKey() + ": " + f.getValue()).toList());
    }
}
