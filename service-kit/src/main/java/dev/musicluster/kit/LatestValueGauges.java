package dev.musicluster.kit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Gauges whose value is the latest one set (a run's metric, a model's loss). Micrometer holds a gauge's state
 * weakly, so the holders live here, one per name and tags.
 */
public final class LatestValueGauges {

    private final MeterRegistry registry;
    private final Map<String, Map<Tags, AtomicReference<Double>>> holders = new ConcurrentHashMap<>();

    public LatestValueGauges(MeterRegistry registry) {
        this.registry = registry;
    }

    public void set(String name, Tags tags, double value) {
        holders.computeIfAbsent(name, n -> new ConcurrentHashMap<>()).computeIfAbsent(tags, t -> {
            AtomicReference<Double> holder = new AtomicReference<>(Double.NaN);
            registry.gauge(name, t, holder, AtomicReference::get);
            return holder;
        }).set(value);
    }
}
