package dev.musicluster.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicluster.contracts.events.ClusteringCompleted;
import dev.musicluster.contracts.events.ModelTrained;
import dev.musicluster.contracts.events.TrainingProgress;
import dev.musicluster.contracts.events.TrainingRequested;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A run whose models partly fail is done once the others are clustered; one whose every model failed has failed. */
class RunStatusTest {

    private static final Instant AT = Instant.parse("2026-11-28T12:00:00Z");
    private static final String DIVERGED = "beta-vae diverged in epoch 1 (loss Infinity): lower lr or raise batch";

    @Test
    void aRunWithAFailedModelIsDoneWhenEveryOtherModelIsClustered() {
        RunStatus run = RunStatus.empty("r").withRequest(request(List.of("beta-vae", "vae")), AT)
                .withProgress(TrainingProgress.failedIn("r", "beta-vae", 1, 5, null, DIVERGED, AT), AT);
        assertThat(run.state()).isEqualTo(RunStatus.State.TRAINING);
        assertThat(run.failedModels()).containsExactly(Map.entry("beta-vae", DIVERGED));

        run = run.withProgress(new TrainingProgress(1, "r", "vae", 5, 5, 1.0, 0.5, 0.5, 0.1, AT), AT).withTrained(trained("vae"), AT);
        assertThat(run.state()).as("the failed model is not waited for").isEqualTo(RunStatus.State.CLUSTERING);
        run = run.withClustered(clustered("vae"), AT);
        assertThat(run.state()).isEqualTo(RunStatus.State.DONE);
        assertThat(run.failure()).as("the run itself did not fail").isNull();
    }

    @Test
    void aRunWhoseEveryModelFailedHasFailed() {
        RunStatus run = RunStatus.empty("r").withRequest(request(List.of("beta-vae")), AT)
                .withProgress(TrainingProgress.failedIn("r", "beta-vae", 1, 5, null, DIVERGED, AT), AT);
        assertThat(run.state()).isEqualTo(RunStatus.State.FAILED);
    }

    @Test
    void aRunThatNamedNoModelsListsTheFailedOnesBesideTheTrainedOnes() {
        RunStatus run = RunStatus.empty("r").withRequest(request(List.of()), AT)
                .withProgress(TrainingProgress.failedIn("r", "conv-vae", 3, 5, null, "conv-vae ran out of memory", AT), AT)
                .withTrained(trained("vae"), AT);
        assertThat(run.models()).containsExactly("vae", "conv-vae");
        assertThat(run.state()).isEqualTo(RunStatus.State.CLUSTERING);
    }

    private static TrainingRequested request(List<String> models) {
        return new TrainingRequested(TrainingRequested.SCHEMA_VERSION, "r", models, Map.of(), List.of(), null, AT);
    }

    private static ModelTrained trained(String model) {
        return new ModelTrained(1, "r", model, "c", "l", "i", 8, 10, true, Map.of(), List.of(), null, AT);
    }

    private static ClusteringCompleted clustered(String model) {
        return new ClusteringCompleted(1, "r", "m", "a", model, "kmeans", AT, null);
    }
}
