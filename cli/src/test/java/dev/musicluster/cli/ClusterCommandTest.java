package dev.musicluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicluster.contracts.tensor.NpyArray;
import dev.musicluster.contracts.tensor.NpyFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ClusterCommandTest {

    @TempDir
    Path dir;

    @Test
    void aCsvWithALabelColumnIsClusteredAndScored() throws Exception {
        Random random = new Random(1);
        List<String> lines = new ArrayList<>(List.of("id,title,x,y,genre"));
        for (int i = 0; i < 60; i++) {
            int blob = i % 3;
            lines.add("s" + i + ",Song " + i + "," + (blob * 10 + random.nextGaussian()) + "," + (blob * 5 + random.nextGaussian())
                    + "," + List.of("rock", "jazz", "folk").get(blob));
        }
        Path csv = Files.write(dir.resolve("table.csv"), lines);

        int exit = new CommandLine(new Musicluster()).execute("cluster", "--input", csv.toString(), "--label-columns", "genre",
                "--algorithms", "kmeans,agglomerative-average", "--k", "auto", "--out", dir.resolve("out").toString());

        assertThat(exit).isZero();
        List<String> metrics = Files.readAllLines(dir.resolve("out/clustering_metrics.csv"));
        assertThat(metrics.get(0)).isEqualTo(String.join(",", dev.musicluster.clustering.domain.evaluation.MetricsRow.HEADER));
        assertThat(metrics).hasSize(3);
        for (String row : metrics.subList(1, 3)) {
            String[] cells = row.split(",");
            assertThat(cells[3]).as("k").isEqualTo("3");
            assertThat(Double.parseDouble(cells[10])).as("nmi").isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        }
        List<String> assignments = Files.readAllLines(dir.resolve("out/assignments.csv"));
        assertThat(assignments).hasSize(61).first().isEqualTo("id,kmeans,agglomerative-average");
    }

    @Test
    void anNpyWithIdsAndALabelsFileWorksToo() throws Exception {
        Random random = new Random(7);
        float[] data = new float[40 * 2];
        List<String> ids = new ArrayList<>();
        List<String> labels = new ArrayList<>(List.of("id,language"));
        for (int i = 0; i < 40; i++) {
            data[2 * i] = (float) ((i < 20 ? 0 : 20) + random.nextGaussian());
            data[2 * i + 1] = (float) random.nextGaussian();
            ids.add("song-" + i);
            labels.add("song-" + i + "," + (i < 20 ? "en" : "ko"));
        }
        Path npy = dir.resolve("latents.npy");
        NpyFormat.write(new NpyArray(new int[] {40, 2}, data), npy);
        Files.write(dir.resolve("ids.txt"), ids);
        Files.write(dir.resolve("labels.csv"), labels);

        int exit = new CommandLine(new Musicluster()).execute("cluster", "--input", npy.toString(), "--ids",
                dir.resolve("ids.txt").toString(), "--labels", dir.resolve("labels.csv").toString(), "--label-columns", "language",
                "--algorithms", "gmm-full", "--k", "2", "--out", dir.resolve("npy-out").toString());

        assertThat(exit).isZero();
        String row = Files.readAllLines(dir.resolve("npy-out/clustering_metrics.csv")).get(1);
        assertThat(row).startsWith("input,-,gmm-full,2,0,language,");
        assertThat(Double.parseDouble(row.split(",")[9])).as("ari").isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }
}
