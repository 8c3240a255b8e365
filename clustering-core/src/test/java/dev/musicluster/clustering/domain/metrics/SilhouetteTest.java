package dev.musicluster.clustering.domain.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.musicluster.clustering.domain.Euclidean;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SilhouetteTest {

    @Test
    void tiledParallelSilhouetteEqualsTheTextbookDoubleLoop() {
        Random random = new Random(1);
        int n = 2_500;
        double[][] points = new double[n][5];
        int[] clusters = new int[n];
        for (int i = 0; i < n; i++) {
            clusters[i] = i % 4;
            for (int j = 0; j < 5; j++) {
                points[i][j] = random.nextGaussian() + (j == clusters[i] ? 2 : 0);
            }
        }
        clusters[7] = 4; // a cluster of one point scores 0
        assertThat(Silhouette.exact(points, clusters)).isCloseTo(textbook(points, clusters), within(1e-12));
    }

    @Test
    void sampledSilhouetteIsWithinItsStatedErrorOfTheExactOne() {
        Random random = new Random(2);
        int n = 6_000;
        double[][] points = new double[n][3];
        int[] clusters = new int[n];
        for (int i = 0; i < n; i++) {
            clusters[i] = i % 3;
            for (int j = 0; j < 3; j++) {
                points[i][j] = random.nextGaussian() + (j == clusters[i] ? 1.5 : 0);
            }
        }
        double exact = Silhouette.exact(points, clusters);
        Silhouette.Estimate estimate = Silhouette.sampled(points, clusters, 1_500, 9);
        assertThat(estimate.sampleSize()).isEqualTo(1_500);
        assertThat(estimate.standardError()).isPositive().isLessThan(0.02);
        assertThat(Math.abs(estimate.value() - exact)).isLessThan(4 * estimate.standardError());
        assertThat(Silhouette.sampled(points, clusters, n, 9).value()).isEqualTo(exact);
    }

    private static double textbook(double[][] points, int[] clusters) {
        int n = points.length;
        double total = 0;
        for (int i = 0; i < n; i++) {
            double[] sum = new double[5];
            int[] count = new int[5];
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    sum[clusters[j]] += Euclidean.distance(points[i], points[j]);
                }
                count[clusters[j]]++;
            }
            if (count[clusters[i]] == 1) {
                continue;
            }
            double a = sum[clusters[i]] / (count[clusters[i]] - 1);
            double b = Double.MAX_VALUE;
            for (int c = 0; c < 5; c++) {
                if (c != clusters[i] && count[c] > 0) {
                    b = Math.min(b, sum[c] / count[c]);
                }
            }
            total += (b - a) / Math.max(a, b);
        }
        return total / n;
    }
}
