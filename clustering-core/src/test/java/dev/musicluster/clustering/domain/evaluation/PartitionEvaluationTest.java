package dev.musicluster.clustering.domain.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicluster.clustering.domain.algorithms.Algorithms;
import dev.musicluster.clustering.domain.algorithms.Partition;
import dev.musicluster.contracts.vector.Standardisation;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PartitionEvaluationTest {

    @Test
    void noiseCountsAgainstExternalScoresAndIsLeftOutOfInternalOnes() {
        double[][] points = {{0, 0}, {0, 1}, {10, 10}, {10, 11}, {50, 50}};
        Partition withNoise = new Partition(new int[] {0, 0, 1, 1, -1}, 2, Double.NaN);
        List<String> truth = List.of("a", "a", "b", "b", "c");

        MetricsRow row = PartitionEvaluation.rows("raw", "-", "dbscan", points, withNoise, Map.of("genre", truth)).get(0);

        assertThat(row.noise()).isEqualTo(1);
        // The lone 'c' in its own noise cluster matches perfectly: noise is a cluster, not a deletion.
        assertThat(row.ari()).isEqualTo(1.0);
        assertThat(row.silhouette()).isGreaterThan(0.9);
    }

    @Test
    void songsWithoutALabelAreLeftOutOfThatLabelsScores() {
        double[][] points = {{0, 0}, {0, 1}, {10, 10}, {10, 11}};
        Partition partition = new Partition(new int[] {0, 0, 1, 1}, 2, Double.NaN);
        List<String> language = Arrays.asList("en", "en", null, "");
        MetricsRow row = PartitionEvaluation.rows("raw", "-", "kmeans", points, partition, Map.of("language", language)).get(0);
        assertThat(row.purity()).isEqualTo(1.0);
        assertThat(row.nmi()).isEqualTo(1.0);
    }

    @Test
    void autoKFindsTheBlobsForEveryKAlgorithm() {
        Random random = new Random(2);
        double[][] points = new double[120][];
        for (int i = 0; i < points.length; i++) {
            int blob = i % 4;
            points[i] = new double[] {10 * (blob % 2) + random.nextGaussian() * 0.5, 10 * (blob / 2) + random.nextGaussian() * 0.5};
        }
        for (String algorithm : List.of("kmeans", "agglomerative-ward", "gmm-full")) {
            assertThat(Algorithms.fit(algorithm, 0, 1, points).clusters()).as(algorithm).isEqualTo(4);
        }
        assertThat(Algorithms.fit("dbscan", 0, 1, points).clusters()).isEqualTo(4);
    }

    @Test
    void standardisationGivesZeroMeanUnitVariance() {
        double[][] out = Standardisation.apply(new double[][] {{1, 100, 5}, {3, 300, 5}});
        assertThat(out[0]).containsExactly(-1.0, -1.0, 0.0);
        assertThat(out[1]).containsExactly(1.0, 1.0, 0.0);
    }
}
