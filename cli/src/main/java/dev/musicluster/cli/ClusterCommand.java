package dev.musicluster.cli;

import dev.musicluster.clustering.domain.algorithms.Algorithms;
import dev.musicluster.clustering.domain.algorithms.Partition;
import dev.musicluster.clustering.domain.evaluation.MetricsRow;
import dev.musicluster.clustering.domain.evaluation.PartitionEvaluation;
import dev.musicluster.clustering.domain.evaluation.ResultTables;
import dev.musicluster.contracts.vector.Standardisation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Cluster any feature table and score it against label columns: writes clustering_metrics.csv and "
                + "assignments.csv. Labels only score; they never reach the algorithms.")
final class ClusterCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, paramLabel = "TABLE.csv|X.npy", description = "Features: a CSV (numeric columns) or a 2-D .npy.")
    Path input;

    @Option(names = "--ids", paramLabel = "ids.txt", description = "One id per line, for a .npy input.")
    Path ids;

    @Option(names = "--labels", paramLabel = "LABELS.csv", description = "Label columns joined by the 'id' column.")
    Path labels;

    @Option(names = "--label-columns", split = ",", paramLabel = "a,b", description = "Columns to score against.")
    List<String> labelColumns = new ArrayList<>();

    @Option(names = "--algorithms", split = ",", defaultValue = "kmeans,agglomerative-ward,gmm-diag,hdbscan",
            description = "Any of " + "kmeans, hdbscan, dbscan, agglomerative-ward|average|complete|single, gmm-diag, gmm-full (default: ${DEFAULT-VALUE}).")
    List<String> algorithms;

    @Option(names = "--k", defaultValue = "auto", paramLabel = "N|auto", description = "Clusters, or auto: silhouette (BIC for mixtures) over 2..12.")
    String k;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of every randomised step (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--standardise", defaultValue = "true", arity = "1", description = "Scale each feature to unit variance first (default: ${DEFAULT-VALUE}).")
    boolean standardise;

    @Option(names = "--representation", defaultValue = "input", description = "Name of this representation in the results (default: ${DEFAULT-VALUE}).")
    String representation;

    @Option(names = "--out", defaultValue = "results", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        FeatureTable table = FeatureTable.read(input, ids, labels, labelColumns);
        double[][] points = standardise ? Standardisation.apply(table.points()) : table.points();
        int clusters = k.equals("auto") ? 0 : Integer.parseInt(k);
        System.out.printf("%d points × %d features from %s; label columns %s%n", points.length, table.featureNames().size(), input,
                table.labels().keySet());
        List<MetricsRow> rows = new ArrayList<>();
        Map<String, int[]> assignments = new LinkedHashMap<>();
        for (String algorithm : algorithms) {
            long started = System.nanoTime();
            Partition partition = Algorithms.fit(algorithm, clusters, seed, points);
            assignments.put(algorithm, partition.labels());
            rows.addAll(PartitionEvaluation.rows(representation, "-", algorithm, points, partition, table.labels()));
            System.out.printf("  %-24s k=%-3d noise=%-4d %.2f s%n", algorithm, partition.clusters(), partition.noise(),
                    (System.nanoTime() - started) / 1e9);
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve("clustering_metrics.csv"), ResultTables.metrics(rows), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("assignments.csv"), ResultTables.assignments(table.ids(), assignments), StandardCharsets.UTF_8);
        System.out.printf("%n%-24s %-12s %4s %10s %8s %8s %8s%n", "algorithm", "label", "k", "silhouette", "ari", "nmi", "purity");
        for (MetricsRow row : rows) {
            System.out.printf("%-24s %-12s %4d %10.4f %8.4f %8.4f %8.4f%n", row.algorithm(), row.label(), row.k(), row.silhouette(),
                    row.ari(), row.nmi(), row.purity());
        }
        System.out.printf("written to %s%n", out.resolve("clustering_metrics.csv"));
        return 0;
    }
}
