package dev.musicluster.clustering.domain.description;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterTagsTest {

    private static final List<String> NAMES = List.of("rock", "piano", "guitar", "rock", "classical");

    @Test
    void aClusterIsDescribedByWhatSetsItApartNotByWhatEverySongHas() {
        // Every song is "rock" (0.9 / 0.95): it describes no cluster. Cluster 0 has piano and classical, cluster 1 guitar.
        double[][] tags = {
                {0.9, 0.8, 0.1, 0.95, 0.7},
                {0.9, 0.7, 0.2, 0.95, 0.9},
                {0.9, 0.1, 0.9, 0.95, 0.1},
                {0.9, 0.2, 0.8, 0.95, 0.0},
                {0.9, 0.9, 0.9, 0.95, 0.9},
        };
        Map<Integer, List<ClusterTags.Scored>> described = ClusterTags.ofClusters(new int[] {0, 0, 1, 1, -1}, tags, NAMES, 3);
        assertThat(described).containsOnlyKeys(0, 1);
        assertThat(described.get(0)).extracting(ClusterTags.Scored::tag).containsExactly("classical", "piano");
        assertThat(described.get(1)).extracting(ClusterTags.Scored::tag).containsExactly("guitar");
        assertThat(described.get(0).get(0).score()).isPositive();
    }
}
