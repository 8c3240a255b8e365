package dev.musicluster.clustering.domain.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LatentMapTest {

    /** Three separated groups in 16 dimensions, {@code perGroup} points each; group of point i is i % 3. */
    private static double[][] groups(int perGroup, long seed) {
        Random random = new Random(seed);
        double[][] points = new double[3 * perGroup][16];
        for (int i = 0; i < points.length; i++) {
            for (int j = 0; j < 16; j++) {
                points[i][j] = random.nextGaussian() + (j % 3 == i % 3 ? 4 : 0);
            }
        }
        return points;
    }

    private static List<String> ids(int n) {
        return IntStream.range(0, n).mapToObj(i -> "s" + i).toList();
    }

    /** The share of points whose nearest other point in the map is of the same group. */
    private static double neighbourAgreement(double[][] map) {
        int agree = 0;
        int counted = 0;
        for (int i = 0; i < map.length; i++) {
            if (map[i] == null) {
                continue;
            }
            int best = -1;
            double bestDistance = Double.MAX_VALUE;
            for (int j = 0; j < map.length; j++) {
                if (j != i && map[j] != null) {
                    double d = Math.hypot(map[i][0] - map[j][0], map[i][1] - map[j][1]);
                    if (d < bestDistance) {
                        bestDistance = d;
                        best = j;
                    }
                }
            }
            counted++;
            agree += best % 3 == i % 3 ? 1 : 0;
        }
        return agree / (double) counted;
    }

    @Test
    void bothMapsKeepSeparatedGroupsApart() {
        LatentMap map = LatentMap.of(ids(120), groups(40, 1), 2000, 42);
        assertThat(map.ids()).hasSize(120);
        assertThat(neighbourAgreement(map.tsne())).isGreaterThan(0.95);
        assertThat(java.util.Arrays.asList(map.umap())).as("every group laid out, though no neighbour graph joins them").doesNotContainNull();
        assertThat(neighbourAgreement(map.umap())).isGreaterThan(0.95);
    }

    @Test
    void theSameSeedDrawsTheSameTsneMap() {
        double[][] points = groups(20, 2);
        LatentMap first = LatentMap.of(ids(60), points, 2000, 7);
        LatentMap second = LatentMap.of(ids(60), points, 2000, 7);
        assertThat(second.tsne()).isDeepEqualTo(first.tsne());
    }

    @Test
    void aboveTheCapTheMapsAreFittedOnASampleAndEveryOtherSongPlacedAmongItsOwnGroup() {
        LatentMap map = LatentMap.of(ids(300), groups(100, 3), 50, 42);
        assertThat(map.ids()).isEqualTo(ids(300));
        int placed = 0;
        for (boolean p : map.placed()) {
            placed += p ? 1 : 0;
        }
        assertThat(placed).as("every song but the 50 fitted").isEqualTo(250);
        assertThat(neighbourAgreement(map.tsne())).as("placed songs land beside their own group").isGreaterThan(0.95);
        assertThat(neighbourAgreement(map.umap())).isGreaterThan(0.95);
        List<String> csv = map.toCsv().lines().toList();
        assertThat(csv).hasSize(301).first().isEqualTo("id,tsne_x,tsne_y,umap_x,umap_y,placed");
        assertThat(csv.stream().skip(1).filter(line -> line.endsWith(",1")).count()).isEqualTo(250);
    }

    @Test
    void aSongPlacedOnAFittedCopyOfItselfTakesItsPosition() {
        double[][] points = groups(20, 4);
        double[][] twice = new double[120][];
        for (int i = 0; i < 60; i++) {
            twice[i] = points[i];
            twice[60 + i] = points[i].clone();
        }
        LatentMap map = LatentMap.of(ids(120), twice, 60, 42);
        int compared = 0;
        for (int i = 0; i < 120; i++) {
            int twin = (i + 60) % 120;
            if (map.placed()[i] && !map.placed()[twin]) {
                assertThat(map.tsne()[i]).isEqualTo(map.tsne()[twin]);
                assertThat(map.umap()[i]).isEqualTo(map.umap()[twin]);
                compared++;
            }
        }
        assertThat(compared).isPositive();
        assertThat(LatentMap.nearest(new double[] {0.9, 0}, new double[][] {{0, 0}, {1, 0}, {5, 5}, {0.5, 0}}))
                .as("nearest first").containsExactly(1, 3, 0, 2);
    }

    @Test
    void fewerThanFourSongsStayAtTheOrigin() {
        LatentMap map = LatentMap.of(ids(2), new double[][] {{1, 2}, {3, 4}}, 2000, 42);
        assertThat(map.tsne()).isDeepEqualTo(new double[][] {{0, 0}, {0, 0}});
        assertThat(map.toCsv()).contains("s1,0.0000,0.0000,,,0");
    }
}
