package dev.musicluster.bench;

import dev.musicluster.clustering.domain.algorithms.Algorithms;
import dev.musicluster.clustering.domain.algorithms.KMeans;
import dev.musicluster.clustering.domain.algorithms.Partition;
import dev.musicluster.clustering.domain.evaluation.PartitionEvaluation;
import dev.musicluster.clustering.domain.metrics.Silhouette;
import dev.musicluster.clustering.domain.projection.LatentMap;
import dev.musicluster.contracts.tensor.NpyArray;
import dev.musicluster.contracts.tensor.NpyFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * KMeans (k = 10, k-means++, 10 initialisations, ours on 2 threads) and the silhouette (exact, tiled and
 * parallel; and sampled from 10,000 points) on n × 32 latents and n × 400 (musicnn's width): 10 Gaussian blobs, seeded. The arrays and the
 * partition are written to {@code target/clustering-bench/} so that scikit-learn can be timed on the very same
 * data ({@code benchmarks/scikit_learn_clustering.py}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class ClusteringBenchmark {

    static final int CLUSTERS = 10;

    @Param({"10000", "100000"})
    public int n;

    /** 32: a trained model's latent; 400: musicnn's embedding, the default representation. */
    @Param({"32", "400"})
    public int dimensions;

    private Partition last;

    /** Tribuo logs every k-means iteration at INFO; held here, since java.util.logging keeps loggers weakly. */
    private static final java.util.logging.Logger TRIBUO = java.util.logging.Logger.getLogger("org.tribuo");

    private double[][] points;
    private int[] truth;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        TRIBUO.setLevel(java.util.logging.Level.WARNING);
        Random random = new Random(n);
        double[][] centres = new double[CLUSTERS][dimensions];
        for (double[] centre : centres) {
            for (int j = 0; j < dimensions; j++) {
                centre[j] = random.nextGaussian() * 3;
            }
        }
        points = new double[n][dimensions];
        truth = new int[n];
        float[] flat = new float[n * dimensions];
        for (int i = 0; i < n; i++) {
            truth[i] = random.nextInt(CLUSTERS);
            for (int j = 0; j < dimensions; j++) {
                points[i][j] = (float) (centres[truth[i]][j] + random.nextGaussian() * 2);
                flat[i * dimensions + j] = (float) points[i][j];
            }
        }
        Path dir = Path.of("target", "clustering-bench");
        Files.createDirectories(dir);
        Files.write(dir.resolve("latents-" + n + "x" + dimensions + ".npy"), NpyFormat.toBytes(new NpyArray(new int[] {n, dimensions}, flat)));
        float[] labels = new float[n];
        for (int i = 0; i < n; i++) {
            labels[i] = truth[i];
        }
        Files.write(dir.resolve("labels-" + n + "x" + dimensions + ".npy"), NpyFormat.toBytes(new NpyArray(new int[] {n}, labels)));
    }

    @Benchmark
    public Partition kmeans() {
        last = new KMeans(CLUSTERS, 10, 42, 2).fit(points);
        return last;
    }

    /**
     * What the clustering service does with one representation by default: k chosen (by silhouette, or BIC for the
     * mixture, on a seeded sample of {@link Algorithms#MAX_QUADRATIC_POINTS}) then k-means and the diagonal Gaussian
     * mixture fitted on every point, Ward and HDBSCAN on that sample with the other points joining the nearest centre,
     * each partition's internal metrics, and the two-dimensional maps (fitted on 2,000, the rest placed). Once: at
     * 100,000 points it is minutes.
     */
    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public int everyAlgorithm() {
        long began = System.nanoTime();
        int rows = 0;
        for (String algorithm : List.of("kmeans", "gmm-diag", "agglomerative-ward", "hdbscan")) {
            long started = System.nanoTime();
            Partition partition = Algorithms.fit(algorithm, 0, 42, points);
            long fitted = System.nanoTime();
            rows += PartitionEvaluation.rows("bench", "bench", algorithm, points, partition, Map.of()).size();
            System.out.printf("%n%s n=%d d=%d: fit %.1f s on %d points, metrics %.1f s, %d clusters%n", algorithm, n, dimensions,
                    (fitted - started) / 1e9, partition.fittedOn(), (System.nanoTime() - fitted) / 1e9, partition.clusters());
        }
        long mapped = System.nanoTime();
        List<String> ids = java.util.stream.IntStream.range(0, n).mapToObj(i -> "s" + i).toList();
        rows += LatentMap.of(ids, points, 2_000, 42).ids().size();
        System.out.printf("%nmaps n=%d d=%d: %.1f s; all %.1f s%n", n, dimensions, (System.nanoTime() - mapped) / 1e9,
                (System.nanoTime() - began) / 1e9);
        return rows;
    }

    /** The inertia, to compare with scikit-learn's on the same arrays (benchmarks/scikit_learn_clustering.py). */
    @TearDown(Level.Trial)
    public void report() {
        if (last != null) {
            System.out.printf("%nkmeans n=%d d=%d inertia %.6f%n", n, dimensions, last.score());
        }
    }

    @Benchmark
    public double silhouetteExact() {
        return Silhouette.exact(points, truth);
    }

    @Benchmark
    public Silhouette.Estimate silhouetteSampled() {
        return Silhouette.sampled(points, truth, 10_000, 7);
    }
}
