package dev.musicluster.clustering.domain.algorithms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicluster.clustering.domain.metrics.ContingencyTable;
import dev.musicluster.clustering.domain.metrics.ExternalMetrics;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SampledFitTest {

    /** 900 points in three blobs; the threshold lowered to 200 so that the quadratic algorithms run on a sample. */
    private final double[][] points = new double[900][4];
    private final int[] truth = new int[900];

    SampledFitTest() {
        Random random = new Random(3);
        for (int i = 0; i < points.length; i++) {
            truth[i] = i % 3;
            for (int j = 0; j < 4; j++) {
                points[i][j] = truth[i] * 6 + random.nextGaussian();
            }
        }
    }

    @Test
    void aQuadraticAlgorithmOverTheLimitClustersASampleAndEveryOtherPointJoinsTheNearestCentre() {
        for (String name : new String[] {"agglomerative-ward", "agglomerative-average", "hdbscan"}) {
            Partition partition = Algorithms.fit(name, name.equals("hdbscan") ? 0 : 3, 7, points, 200);
            assertThat(partition.fittedOn()).as(name).isEqualTo(200);
            assertThat(partition.sampled()).isTrue();
            assertThat(partition.labels()).hasSize(900);
            int[] clustered = Arrays.stream(partition.labels()).filter(l -> l >= 0).toArray();
            assertThat(clustered.length).as("%s: noise only among the sample's points", name).isGreaterThanOrEqualTo(700);
            assertThat(ExternalMetrics.adjustedRandIndex(ContingencyTable.of(Arrays.stream(truth).boxed().toList(),
                    Arrays.stream(partition.labels()).boxed().toList()))).as(name).isGreaterThan(0.95);
        }
        // The same seed, the same sample: the same partition.
        assertThat(Algorithms.fit("agglomerative-ward", 3, 7, points, 200).labels())
                .containsExactly(Algorithms.fit("agglomerative-ward", 3, 7, points, 200).labels());
    }

    @Test
    void underTheLimitAndForKMeansAndMixturesEveryPointIsFitted() {
        assertThat(Algorithms.fit("agglomerative-ward", 3, 7, points, 900).fittedOn()).isEqualTo(900);
        assertThat(Algorithms.fit("kmeans", 3, 7, points, 200).fittedOn()).isEqualTo(900);
        assertThat(Algorithms.fit("gmm-diag", 3, 7, points, 200).sampled()).isFalse();
        assertThat(Algorithms.MAX_QUADRATIC_POINTS).isEqualTo(5_000);
    }

    @Test
    void overTheLimitKIsChosenOnASampleAndTheFitSeesEveryPoint() {
        for (String name : new String[] {"kmeans", "gmm-diag"}) {
            Partition partition = Algorithms.fit(name, 0, 7, points, 200);
            assertThat(partition.clusters()).as(name).isEqualTo(3);
            assertThat(partition.fittedOn()).as(name).isEqualTo(900);
            assertThat(ExternalMetrics.adjustedRandIndex(ContingencyTable.of(Arrays.stream(truth).boxed().toList(),
                    Arrays.stream(partition.labels()).boxed().toList()))).as(name).isGreaterThan(0.95);
        }
    }
}
