package dev.musicluster.training.app;

import dev.musicluster.contracts.events.TrainingProgress;
import dev.musicluster.kit.LatestValueGauges;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Training at {@code /q/metrics}: each run's and model's latest epoch loss by term (total, reconstruction, KL) and
 * seconds per epoch, and runs and models by outcome.
 */
@ApplicationScoped
public class TrainingMetrics {

    private final LatestValueGauges gauges;
    private final Counter succeeded;
    private final Counter failed;
    private final Counter modelsTrained;
    private final Counter modelsFailed;

    public TrainingMetrics(MeterRegistry registry) {
        this.gauges = new LatestValueGauges(registry);
        // Registered at start, so that dashboards and alerts see 0 rather than no series.
        this.succeeded = registry.counter("musicluster.training.runs", "outcome", "succeeded");
        this.failed = registry.counter("musicluster.training.runs", "outcome", "failed");
        this.modelsTrained = registry.counter("musicluster.training.models", "outcome", "trained");
        this.modelsFailed = registry.counter("musicluster.training.models", "outcome", "failed");
    }

    public void epoch(TrainingProgress progress) {
        set("musicluster.training.loss", Tags.of("run", progress.runId(), "model", progress.model(), "term", "total"), progress.loss());
        set("musicluster.training.loss", Tags.of("run", progress.runId(), "model", progress.model(), "term", "reconstruction"),
                progress.reconstruction());
        set("musicluster.training.loss", Tags.of("run", progress.runId(), "model", progress.model(), "term", "kl"), progress.kl());
        set("musicluster.training.epoch.seconds", Tags.of("run", progress.runId(), "model", progress.model()), progress.seconds());
    }

    public void runSucceeded() {
        succeeded.increment();
    }

    public void runFailed() {
        failed.increment();
    }

    public void modelTrained() {
        modelsTrained.increment();
    }

    /** One model of a run failed; the run went on with the others. */
    public void modelFailed() {
        modelsFailed.increment();
    }

    private void set(String name, Tags tags, double value) {
        gauges.set(name, tags, value);
    }
}
