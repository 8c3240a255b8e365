package dev.musicluster.clustering.domain.representation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.musicluster.clustering.domain.algorithms.NearestCentre;
import dev.musicluster.clustering.domain.evaluation.ResultTables;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BaselinesTest {

    private static final List<String> IDS = List.of("a", "b", "c", "d");
    private static final double[][] SUMMARY = {{1, 100}, {2, 300}, {3, 500}, {4, 700}};

    @Test
    void buildsEveryBaselineAndKeepsOnlySongsWithLyricsForTheLyricsAlone() {
        double[][] lyrics = {{1, 0, 0}, null, {0, 1, 0}, {0, 0, 1}};
        List<Representation> baselines = Baselines.of(IDS, SUMMARY, lyrics, null);
        assertThat(baselines).extracting(Representation::name)
                .containsExactly("summary", "pca32-summary", "lyrics", "summary+lyrics");
        assertThat(baselines).allSatisfy(r -> assertThat(r.model()).isEqualTo("baseline"));
        Representation summary = baselines.get(0);
        assertThat(summary.points()[0][0]).as("standardised").isCloseTo(-1.3416, within(1e-4));
        assertThat(baselines.get(1).points()[0]).as("2 features: 2 components at most").hasSize(2);
        assertThat(baselines.get(2).ids()).containsExactly("a", "c", "d");
        Representation both = baselines.get(3);
        assertThat(both.points()[0]).hasSize(5);
        double audioVariance = 0;
        double lyricsVariance = 0;
        for (double[] point : both.points()) {
            audioVariance += (point[0] * point[0] + point[1] * point[1]) / IDS.size();
            lyricsVariance += (point[2] * point[2] + point[3] * point[3] + point[4] * point[4]) / IDS.size();
        }
        assertThat(audioVariance).as("each block's total variance is 1").isCloseTo(1.0, within(1e-9));
        assertThat(lyricsVariance).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void withoutLyricsOnlyTheAudioBaselinesRemain() {
        List<Representation> baselines = Baselines.of(IDS, SUMMARY, new double[4][], null);
        assertThat(baselines).extracting(Representation::name).containsExactly("summary", "pca32-summary");
    }

    @Test
    void musicnnAddsItsEmbeddingsEachNetworkApartItsTagsAndWithLyrics() {
        double[][] embedding = new double[4][400];
        double[][] tags = new double[4][100];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 400; j++) {
                embedding[i][j] = (j < 200 ? 1 : -1) * (i + 1) * (j + 1);
            }
            tags[i][i] = 0.9;
        }
        double[][] lyrics = {{1, 0, 0}, null, {0, 1, 0}, {0, 0, 1}};
        List<Representation> baselines = Baselines.of(IDS, SUMMARY, lyrics, new Baselines.Pretrained(embedding, tags, true));
        assertThat(baselines).extracting(Representation::name).containsExactly("musicnn", "musicnn-msd", "musicnn-mtt", "musicnn-tags",
                "summary", "pca32-summary", "lyrics", "summary+lyrics", "musicnn+lyrics");
        assertThat(baselines.get(1).points()[0]).hasSize(200);
        assertThat(baselines.get(1).points()[0][0]).as("MSD's first column, standardised").isCloseTo(-1.3416, within(1e-4));
        assertThat(baselines.get(2).points()[0][0]).as("MTT's first column is the 201st, negative").isCloseTo(1.3416, within(1e-4));
        assertThat(baselines.get(8).points()[0]).hasSize(403);
        // Compared with musicnn itself, its whole embedding is the model's representation, not a baseline again.
        assertThat(Baselines.of(IDS, SUMMARY, lyrics, new Baselines.Pretrained(embedding, tags, false)))
                .extracting(Representation::name).doesNotContain("musicnn").contains("musicnn-msd");
    }

    @Test
    void nearestCentreUsesTheMeanOfEachClustersMembersLeavingNoiseOut() {
        double[][] points = {{0, 0}, {2, 0}, {10, 10}, {12, 10}, {100, 100}};
        NearestCentre centres = NearestCentre.of(points, new int[] {0, 0, 1, 1, -1});
        assertThat(centres.clusters()).isEqualTo(2);
        assertThat(centres.assign(new double[] {3, 1})).isZero();
        assertThat(centres.assign(new double[] {9, 9})).isEqualTo(1);
        assertThat(centres.distance(new double[] {1, 3}, 0)).isEqualTo(3.0);
    }

    @Test
    void resultTablesMergeOnTheSongId() {
        String first = ResultTables.assignments(List.of("a", "b"), Map.of("vae/kmeans", new int[] {0, 1}));
        String second = ResultTables.assignments(List.of("b"), Map.of("lyrics/kmeans", new int[] {4}));
        assertThat(ResultTables.mergeAssignments(List.of(first, second)).lines())
                .containsExactly("id,vae/kmeans,lyrics/kmeans", "a,0,", "b,1,4");
        assertThat(ResultTables.column(ResultTables.mergeAssignments(List.of(first, second)), "lyrics/kmeans")).containsExactly(Map.entry("b", 4));
    }
}
