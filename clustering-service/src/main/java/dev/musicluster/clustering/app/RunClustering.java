package dev.musicluster.clustering.app;

import dev.musicluster.clustering.domain.SeededSample;
import dev.musicluster.clustering.domain.algorithms.Algorithms;
import dev.musicluster.clustering.domain.algorithms.Partition;
import dev.musicluster.clustering.domain.description.ClusterTags;
import dev.musicluster.clustering.domain.evaluation.MetricsRow;
import dev.musicluster.clustering.domain.evaluation.PartitionEvaluation;
import dev.musicluster.clustering.domain.evaluation.ResultTables;
import dev.musicluster.clustering.domain.projection.LatentMap;
import dev.musicluster.clustering.domain.representation.Baselines;
import dev.musicluster.clustering.domain.representation.Representation;
import dev.musicluster.contracts.MusicnnTags;
import dev.musicluster.contracts.events.ClusterAssigned;
import dev.musicluster.contracts.events.ClusteringCompleted;
import dev.musicluster.contracts.events.ModelTrained;
import dev.musicluster.contracts.storage.ObjectKeys;
import dev.musicluster.contracts.tensor.NpyArray;
import dev.musicluster.contracts.tensor.NpyFormat;
import dev.musicluster.kit.CompactedTopicReader;
import dev.musicluster.kit.LatestValueGauges;
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

/**
 * Clusters one trained model's latents with every configured algorithm (and, for a run's primary model, the
 * baselines on the same songs), scores each partition against the songs' label columns, stores
 * {@code clustering_metrics-{model}.csv} and {@code assignments-{model}.csv} under {@code results/{runId}/}, merges
 * every part of the run so far into {@code clustering_metrics.csv} and {@code assignments.csv}, draws the latents in
 * two dimensions ({@code map-{model}.csv}), and returns the event announcing them.
 */
@ApplicationScoped
public class RunClustering {

    /** Tags that describe a cluster, and a song. */
    private static final int TOP_TAGS = 3;

    private final ObjectStore store;
    private final CompactedTopicReader topics;
    private final ClusteringSettings settings;
    private final MeterRegistry registry;
    private final ActiveClustering active;
    private final LatestValueGauges gauges;

    public RunClustering(ObjectStore store, CompactedTopicReader topics, ClusteringSettings settings, MeterRegistry registry,
                         ActiveClustering active) {
        this.store = store;
        this.topics = topics;
        this.settings = settings;
        this.registry = registry;
        this.active = active;
        this.gauges = new LatestValueGauges(registry);
    }

    public Outcome cluster(ModelTrained model) throws IOException {
        NpyArray latents = NpyFormat.fromBytes(store.get(model.latentsKey()));
        List<String> ids = new String(store.get(model.idsKey()), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        if (latents.rank() != 2 || latents.dim(0) != ids.size()) {
            throw new IllegalArgumentException("latents of shape " + java.util.Arrays.toString(latents.shape()) + " for "
                    + ids.size() + " ids in run " + model.runId());
        }
        // The run's own clustering configuration when it names one, else the service's.
        List<String> algorithms = model.algorithms().isEmpty() ? settings.algorithms() : model.algorithms();
        String kSetting = model.k() == null || model.k().isBlank() ? settings.k() : model.k();
        int k = kSetting.equals("auto") ? 0 : Integer.parseInt(kSetting);
        // The run's seed drives its clustering as it drove its training, so seeds can be compared end to end.
        long seed = model.provenance().containsKey("seed") ? Long.parseLong(model.provenance().get("seed")) : settings.seed();
        algorithms.forEach(Algorithms::require);
        boolean withBaselines = model.primary() && settings.baselines();
        List<String> compared = withBaselines ? baselineSongs(ids, seed) : List.of();
        SongSnapshot songs = SongSnapshot.read(topics, java.util.Set.copyOf(compared));
        List<Representation> representations = new ArrayList<>();
        // One copy in doubles for the clustering, the map and the activation: 320 MB at 100,000 songs of 400 values.
        double[][] points = latents.toDoubleRows();
        representations.add(new Representation(model.model(), model.model(), ids, points));
        boolean tagged = songs.hasMusicnn(ids);
        if (withBaselines) {
            Baselines.Pretrained musicnn = tagged ? new Baselines.Pretrained(songs.musicnnEmbeddings(compared),
                    songs.musicnnTags(compared), !model.model().equals(Baselines.MUSICNN)) : null;
            representations.addAll(Baselines.of(compared, songs.summaries(compared), songs.lyrics(compared), musicnn));
        }
        String primary = algorithms.get(0);
        List<MetricsRow> rows = new ArrayList<>();
        List<String> assignmentTables = new ArrayList<>();
        Partition primaryPartition = null;
        for (Representation representation : representations) {
            Map<String, List<String>> columns = songs.labelColumns(representation.ids());
            Map<String, int[]> assignments = new LinkedHashMap<>();
            for (String algorithm : algorithms) {
                Timer.Sample sample = Timer.start(registry);
                Partition partition = Algorithms.fit(algorithm, k, seed, representation.points());
                sample.stop(registry.timer("musicluster.clustering.duration", "algorithm", algorithm, "representation", representation.name()));
                assignments.put(representation.name() + "/" + algorithm, partition.labels());
                List<MetricsRow> scored = PartitionEvaluation.rows(representation.name(), representation.model(), algorithm,
                        representation.points(), partition, columns);
                scored.forEach(row -> record(model.runId(), row));
                rows.addAll(scored);
                if (representation.name().equals(model.model()) && algorithm.equals(primary)) {
                    primaryPartition = partition;
                }
            }
            assignmentTables.add(ResultTables.assignments(representation.ids(), assignments));
        }
        Map<Integer, List<String>> clusterTags = Map.of();
        if (tagged) {
            double[][] tags = songs.musicnnTags(ids);
            List<String> topTags = java.util.Arrays.stream(tags)
                    .map(t -> String.join(", ", MusicnnTags.top(t, TOP_TAGS).stream().map(MusicnnTags.Tag::name).toList())).toList();
            assignmentTables.add(ResultTables.songColumn(ids, ResultTables.TOP_TAGS, topTags));
            clusterTags = new LinkedHashMap<>();
            for (var entry : ClusterTags.ofClusters(primaryPartition.labels(), tags, MusicnnTags.NAMES, TOP_TAGS).entrySet()) {
                clusterTags.put(entry.getKey(), entry.getValue().stream().map(ClusterTags.Scored::tag).toList());
            }
        }
        store.put(ObjectKeys.results(model.runId(), "clustering_metrics-" + model.model() + ".csv"),
                ResultTables.metrics(rows).getBytes(StandardCharsets.UTF_8), "text/csv");
        store.put(ObjectKeys.results(model.runId(), "assignments-" + model.model() + ".csv"),
                ResultTables.mergeAssignments(assignmentTables).getBytes(StandardCharsets.UTF_8), "text/csv");
        store.put(ObjectKeys.results(model.runId(), "map-" + model.model() + ".csv"),
                LatentMap.of(ids, points, settings.mapMaxSongs(), seed).toCsv().getBytes(StandardCharsets.UTF_8), "text/csv");
        String metricsKey = ObjectKeys.results(model.runId(), "clustering_metrics.csv");
        String assignmentsKey = ObjectKeys.results(model.runId(), "assignments.csv");
        store.put(metricsKey, ResultTables.mergeMetrics(parts(model.runId(), "clustering_metrics-")).getBytes(StandardCharsets.UTF_8), "text/csv");
        store.put(assignmentsKey, ResultTables.mergeAssignments(parts(model.runId(), "assignments-")).getBytes(StandardCharsets.UTF_8), "text/csv");
        List<ClusterAssigned> assigned = model.primary()
                ? active.activate(model.runId(), model.model(), primary, ids, points, primaryPartition)
                : List.of();
        return new Outcome(new ClusteringCompleted(ClusteringCompleted.SCHEMA_VERSION, model.runId(), metricsKey, assignmentsKey,
                model.model(), primary, Instant.now(), clusterTags), assigned);
    }

    /**
     * The songs the baselines are built, clustered and scored on: every song up to {@code baselines-max-songs}, above
     * it a seeded sample of that many in the model's order. Each baseline costs a fit per algorithm at up to 784
     * dimensions (musicnn + lyrics); on every song of 100,000 the eight of them cost 2 cores about 20 minutes
     * (docs/scale.md), on a sample of 10,000 what they cost at 10,000. Their rows' {@code fitted_on} says how many.
     */
    private List<String> baselineSongs(List<String> ids, long seed) {
        if (ids.size() <= settings.baselinesMaxSongs()) {
            return ids;
        }
        int[] chosen = SeededSample.draw(ids.size(), settings.baselinesMaxSongs(), seed);
        java.util.Arrays.sort(chosen);
        return java.util.Arrays.stream(chosen).mapToObj(ids::get).toList();
    }

    /** The run's event, and for a primary model every song's assignment under the clustering it made active. */
    public record Outcome(ClusteringCompleted completed, List<ClusterAssigned> assignments) {
    }

    /** Every per-model part of the run stored so far, in key order. */
    private List<String> parts(String runId, String prefix) throws IOException {
        List<String> tables = new ArrayList<>();
        for (String key : store.list(ObjectKeys.results(runId, prefix))) {
            tables.add(new String(store.get(key), StandardCharsets.UTF_8));
        }
        return tables;
    }

    /** One gauge per run, representation, algorithm, label and metric; the latest value wins. */
    private void record(String runId, MetricsRow row) {
        Map<String, Double> metrics = Map.of("silhouette", row.silhouette(), "nmi", row.nmi(), "ari", row.ari(),
                "purity", row.purity(), "ami", row.ami());
        metrics.forEach((metric, value) -> gauges.set("musicluster.clustering.metric", Tags.of("run", runId, "representation",
                row.representation(), "algorithm", row.algorithm(), "label", row.label(), "metric", metric), value));
    }
}
