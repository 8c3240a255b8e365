package dev.musicluster.training.app;

import dev.musicluster.contracts.events.TrainingProgress;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Training at {@code /q/metrics}: each run's and model's latest epoch loss by term (total, reconstruction, KL) and
 * seconds per epoch, and runs by outcome. Micrometer holds gauge state weakly, so the holders live here.
 */
@ApplicationScoped
public class TrainingMetrics {

    private final MeterRegistry registry;
    private final Map<Tags, AtomicReference<Double>> gauges = new ConcurrentHashMap<>();
    private final Counter succeeded;
    private final Counter failed;

    public TrainingMetrics(MeterRegistry registry) {
        this.registry = registry;
        // Registered at start, so that dashboards and alerts see 0 rather than no series.
        this.succeeded = registry.counter("musicluster.training.runs", "outcome", "succeeded");
        this.failed = registry.counter("musicluster.training.runs", "outcome", "failed");
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

    private void set(String name, Tags tags, double value) {
        gauges.computeIfAbsent(Tags.of(tags).and("metric", name), key -> {
            AtomicReference<Double> holder = new AtomicReference<>(Double.NaN);
            registry.gauge(name, tags, holder, AtomicReference::get);
            return holder;
        }).set(value);
    }
}
