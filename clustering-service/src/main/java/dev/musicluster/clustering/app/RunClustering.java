package dev.musicluster.clustering.app;

import dev.musicluster.clustering.domain.algorithms.Algorithms;
import dev.musicluster.clustering.domain.algorithms.Partition;
import dev.musicluster.clustering.domain.evaluation.MetricsRow;
import dev.musicluster.clustering.domain.evaluation.PartitionEvaluation;
import dev.musicluster.clustering.domain.evaluation.ResultTables;
import dev.musicluster.contracts.events.ClusteringCompleted;
import dev.musicluster.contracts.events.ModelTrained;
import dev.musicluster.contracts.storage.ObjectKeys;
import dev.musicluster.contracts.tensor.NpyArray;
import dev.musicluster.contracts.tensor.NpyFormat;
import dev.musicluster.kit.ObjectStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Clusters one trained model's latents with every configured algorithm, scores each partition against the songs'
 * label columns, stores {@code clustering_metrics-{model}.csv} and {@code assignments-{model}.csv} under
 * {@code results/{runId}/}, and returns the event announcing them.
 */
@ApplicationScoped
public class RunClustering {

    private final ObjectStore store;
    private final SongLabels labels;
    private final ClusteringSettings settings;
    private final MeterRegistry registry;
    private final Map<Tags, AtomicReference<Double>> gauges = new ConcurrentHashMap<>();

    public RunClustering(ObjectStore store, SongLabels labels, ClusteringSettings settings, MeterRegistry registry) {
        this.store = store;
        this.labels = labels;
        this.settings = settings;
        this.registry = registry;
    }

    public ClusteringCompleted cluster(ModelTrained model) throws IOException {
        NpyArray latents = NpyFormat.fromBytes(store.get(model.latentsKey()));
        List<String> ids = new String(store.get(model.idsKey()), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        if (latents.rank() != 2 || latents.dim(0) != ids.size()) {
            throw new IllegalArgumentException("latents of shape " + java.util.Arrays.toString(latents.shape()) + " for "
                    + ids.size() + " ids in run " + model.runId());
        }
        double[][] points = latents.toDoubleRows();
        Map<String, List<String>> columns = labels.columns(ids);
        int k = settings.k().equals("auto") ? 0 : Integer.parseInt(settings.k());
        List<MetricsRow> rows = new ArrayList<>();
        Map<String, int[]> assignments = new LinkedHashMap<>();
        for (String algorithm : settings.algorithms()) {
            Timer.Sample sample = Timer.start(registry);
            Partition partition = Algorithms.fit(algorithm, k, settings.seed(), points);
            sample.stop(registry.timer("musicluster.clustering.duration", "algorithm", algorithm));
            assignments.put(algorithm, partition.labels());
            List<MetricsRow> scored = PartitionEvaluation.rows(model.model(), model.model(), algorithm, points, partition, columns);
            scored.forEach(row -> record(model.runId(), row));
            rows.addAll(scored);
        }
        String metricsKey = ObjectKeys.results(model.runId(), "clustering_metrics-" + model.model() + ".csv");
        String assignmentsKey = ObjectKeys.results(model.runId(), "assignments-" + model.model() + ".csv");
        store.put(metricsKey, ResultTables.metrics(rows).getBytes(StandardCharsets.UTF_8), "text/csv");
        store.put(assignmentsKey, ResultTables.assignments(ids, assignments).getBytes(StandardCharsets.UTF_8), "text/csv");
        String primary = settings.algorithms().get(0);
        Map<String, Integer> primaryAssignments = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            primaryAssignments.put(ids.get(i), assignments.get(primary)[i]);
        }
        return new ClusteringCompleted(ClusteringCompleted.SCHEMA_VERSION, model.runId(), metricsKey, assignmentsKey,
                model.model(), primary, primaryAssignments, Instant.now());
    }

    /**
     * One gauge per run, representation, algorithm, label and metric; the latest value wins. Micrometer holds a
     * gauge's state weakly, so the holders live here.
     */
    private void record(String runId, MetricsRow row) {
        Map<String, Double> metrics = Map.of("silhouette", row.silhouette(), "nmi", row.nmi(), "ari", row.ari(),
                "purity", row.purity(), "ami", row.ami());
        metrics.forEach((metric, value) -> gauges.computeIfAbsent(Tags.of("run", runId, "representation", row.representation(),
                "algorithm", row.algorithm(), "label", row.label(), "metric", metric), tags -> {
                    AtomicReference<Double> holder = new AtomicReference<>(Double.NaN);
                    registry.gauge("musicluster.clustering.metric", tags, holder, AtomicReference::get);
                    return holder;
                }).set(value));
    }
}
