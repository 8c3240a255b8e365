package dev.musicluster.clustering.domain.algorithms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicluster.clustering.domain.metrics.ContingencyTable;
import dev.musicluster.clustering.domain.metrics.ExternalMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every algorithm finds the expected partition of the standard toy sets. */
class ToySetsTest {

    static Stream<Clusterer> blobFinders() {
        return Stream.of(new KMeans(3, 10, 1, 1),
                new Agglomerative(Agglomerative.Linkage.WARD, 3), new Agglomerative(Agglomerative.Linkage.AVERAGE, 3),
                new Agglomerative(Agglomerative.Linkage.COMPLETE, 3), new Agglomerative(Agglomerative.Linkage.SINGLE, 3),
                new GaussianMixture(3, GaussianMixture.Covariance.DIAGONAL, 1),
                new GaussianMixture(3, GaussianMixture.Covariance.FULL, 1),
                new Dbscan(1.5, 5), new Hdbscan(10));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blobFinders")
    void separatedBlobsAreFoundByEveryAlgorithm(Clusterer clusterer) {
        ToySets.Labelled blobs = ToySets.blobs(50, 3);
        Partition partition = clusterer.fit(blobs.points());

        assertThat(partition.clusters()).as(clusterer.name()).isEqualTo(3);
        assertThat(partition.noise()).as(clusterer.name() + " noise").isLessThanOrEqualTo(8);
        assertThat(ariOnClustered(blobs.truth(), partition.labels())).as(clusterer.name()).isGreaterThan(0.99);
    }

    static Stream<Clusterer> moonFinders() {
        return Stream.of(new Dbscan(0.2, 5), new Hdbscan(10), new Agglomerative(Agglomerative.Linkage.SINGLE, 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("moonFinders")
    void twoMoonsAreFoundByDensityAndSingleLink(Clusterer clusterer) {
        ToySets.Labelled moons = ToySets.moons(100, 0.05, 4);
        Partition partition = clusterer.fit(moons.points());

        assertThat(partition.clusters()).as(clusterer.name()).isEqualTo(2);
        assertThat(ariOnClustered(moons.truth(), partition.labels())).as(clusterer.name()).isGreaterThan(0.99);
    }

    @Test
    void kMeansCannotFollowTheMoons() {
        ToySets.Labelled moons = ToySets.moons(100, 0.05, 4);
        int[] labels = new KMeans(2, 10, 1, 1).fit(moons.points()).labels();
        // Two real clusters (one cluster would also score a low ARI), cut straight across the moons.
        long first = java.util.Arrays.stream(labels).filter(l -> l == labels[0]).count();
        assertThat(first).as("size of one k-means cluster of %d points", labels.length).isBetween(labels.length / 4L, labels.length * 3 / 4L);
        assertThat(ariOnClustered(moons.truth(), labels)).isLessThan(0.6);
    }

    @Test
    void mixtureBicPrefersTheTrueNumberOfBlobs() {
        double[][] points = ToySets.blobs(50, 3).points();
        double bic3 = new GaussianMixture(3, GaussianMixture.Covariance.FULL, 1).fit(points).score();
        for (int k : new int[] {2, 5}) {
            assertThat(new GaussianMixture(k, GaussianMixture.Covariance.FULL, 1).fit(points).score()).as("k=" + k).isGreaterThan(bic3);
        }
    }

    @Test
    void sameSeedSamePartition() {
        double[][] points = ToySets.blobs(30, 9).points();
        assertThat(new GaussianMixture(3, GaussianMixture.Covariance.DIAGONAL, 5).fit(points).labels())
                .containsExactly(new GaussianMixture(3, GaussianMixture.Covariance.DIAGONAL, 5).fit(points).labels());
        assertThat(new KMeans(3, 3, 5, 1).fit(points).labels()).containsExactly(new KMeans(3, 3, 5, 1).fit(points).labels());
    }

    /** ARI over the points the algorithm did not call noise. */
    static double ariOnClustered(int[] truth, int[] labels) {
        List<Integer> t = new ArrayList<>();
        List<Integer> l = new ArrayList<>();
        for (int i = 0; i < truth.length; i++) {
            if (labels[i] >= 0) {
                t.add(truth[i]);
                l.add(labels[i]);
            }
        }
        return ExternalMetrics.adjustedRandIndex(ContingencyTable.of(t, l));
    }
}
