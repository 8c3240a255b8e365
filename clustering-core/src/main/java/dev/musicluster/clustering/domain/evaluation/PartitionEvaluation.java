package dev.musicluster.clustering.domain.evaluation;

import dev.musicluster.clustering.domain.algorithms.Partition;
import dev.musicluster.clustering.domain.metrics.ContingencyTable;
import dev.musicluster.clustering.domain.metrics.ExternalMetrics;
import dev.musicluster.clustering.domain.metrics.InternalMetrics;
import dev.musicluster.clustering.domain.metrics.Silhouette;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a partition. Noise (DBSCAN, HDBSCAN) is handled so that dropping hard points cannot flatter a result:
 * internal metrics are computed on the clustered points only (they are undefined for noise), while for external
 * metrics the noise points form one extra cluster of their own. Songs without a value in a label column are left
 * out of that column's scores. Labels are read here and nowhere earlier.
 */
public final class PartitionEvaluation {

    /**
     * Above this many points the silhouette is estimated from a sample of {@link #SILHOUETTE_SAMPLE} (standard error
     * about 0.003–0.007 on the benchmark's data; docs/performance.md): the exact one is O(n²). At 10,000 points it
     * cost 9–24 s a partition at 400–784 dimensions, and a run with its baselines scores 36 partitions: 5,000 points
     * are a quarter of the pairs, for a third decimal (issue 30).
     */
    public static final int EXACT_SILHOUETTE_MAX = 5_000;
    public static final int SILHOUETTE_SAMPLE = 5_000;

    private PartitionEvaluation() {
    }

    /** One row per label column; with no label columns, one row of internal metrics only (label empty). */
    public static List<MetricsRow> rows(String representation, String model, String algorithm, double[][] points,
                                        Partition partition, Map<String, List<String>> labelColumns) {
        double[] internal = internal(points, partition.labels());
        List<MetricsRow> rows = new ArrayList<>();
        Map<String, List<String>> columns = labelColumns.isEmpty() ? Map.of("", List.of()) : new LinkedHashMap<>(labelColumns);
        for (Map.Entry<String, List<String>> column : columns.entrySet()) {
            double[] external = column.getKey().isEmpty() ? new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN} : external(column.getValue(), partition.labels());
            rows.add(new MetricsRow(representation, model, algorithm, partition.clusters(), partition.noise(), column.getKey(),
                    internal[0], internal[1], internal[2], external[0], external[1], external[2], external[3], external[4],
                    external[5], external[6], partition.fittedOn()));
        }
        return rows;
    }

    static double[] internal(double[][] points, int[] labels) {
        List<double[]> kept = new ArrayList<>();
        List<Integer> keptLabels = new ArrayList<>();
        Map<Integer, Integer> renumbered = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= 0) {
                kept.add(points[i]);
                keptLabels.add(renumbered.computeIfAbsent(labels[i], l -> renumbered.size()));
            }
        }
        int k = renumbered.size();
        if (k < 2 || k > kept.size() - 1) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        double[][] x = kept.toArray(double[][]::new);
        int[] y = keptLabels.stream().mapToInt(Integer::intValue).toArray();
        double silhouette = x.length <= EXACT_SILHOUETTE_MAX
                ? InternalMetrics.silhouette(x, y)
                : Silhouette.sampled(x, y, SILHOUETTE_SAMPLE, 0).value();
        return new double[] {silhouette, InternalMetrics.calinskiHarabasz(x, y), InternalMetrics.daviesBouldin(x, y)};
    }

    static double[] external(List<String> truth, int[] labels) {
        List<String> classes = new ArrayList<>();
        List<Integer> clusters = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            String value = truth.get(i);
            if (value != null && !value.isBlank()) {
                classes.add(value);
                clusters.add(labels[i]);
            }
        }
        if (classes.isEmpty()) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        }
        ContingencyTable table = ContingencyTable.of(classes, clusters);
        return new double[] {ExternalMetrics.adjustedRandIndex(table), ExternalMetrics.normalizedMutualInformation(table),
                ExternalMetrics.adjustedMutualInformation(table), ExternalMetrics.purity(table), ExternalMetrics.homogeneity(table),
                ExternalMetrics.completeness(table), ExternalMetrics.vMeasure(table)};
    }
}
