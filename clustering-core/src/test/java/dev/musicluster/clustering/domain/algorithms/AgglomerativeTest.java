package dev.musicluster.clustering.domain.algorithms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AgglomerativeTest {

    @Test
    void oneTreeCutAtEveryKIsTheClusteringAtThatK() {
        SplittableRandom random = new SplittableRandom(5);
        double[][] points = new double[300][8];
        for (int i = 0; i < points.length; i++) {
            for (int d = 0; d < 8; d++) {
                points[i][d] = (i % 4) * 3 + random.nextGaussian();
            }
        }
        for (Agglomerative.Linkage linkage : Agglomerative.Linkage.values()) {
            Agglomerative.Dendrogram tree = new Agglomerative(linkage, 1).dendrogram(points);
            for (int k = 2; k <= 12; k++) {
                assertThat(tree.cut(k).labels()).as("%s at k=%d", linkage, k)
                        .isEqualTo(new Agglomerative(linkage, k).fit(points).labels());
                assertThat(tree.cut(k).clusters()).isEqualTo(k);
            }
        }
    }
}
