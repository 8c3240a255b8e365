package dev.musicluster.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicluster.contracts.tensor.NpyArray;
import dev.musicluster.contracts.tensor.NpyFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plots and report.html from a results folder written by hand: what is drawn, what is inlined, what is escaped. */
class ReportTest {

    @TempDir
    static Path folder;

    @BeforeAll
    static void aResultsFolder() throws IOException {
        Files.createDirectories(folder.resolve("maps"));
        Files.createDirectories(folder.resolve("history"));
        Files.createDirectories(folder.resolve("reconstructions"));
        Files.writeString(folder.resolve("run.json"), """
                {"runId":"run-1","state":"DONE","models":["vae"],"hyperParameters":{"epochs":"2"},"algorithms":["kmeans"],"k":"2",
                 "byModel":{"vae":{"primary":true,"provenance":{"data.sha256":"abc","seed":"7","note":"<script>alert(1)</script>"}}}}
                """);
        Files.writeString(folder.resolve("songs.csv"), """
                id,title,artist,status,language,genre
                s1,One,A,cluster,en,rock
                s2,Two,B,cluster,en,pop
                s3,Three,C,cluster,de,rock
                s4,"Four, with a comma",D,cluster,de,
                """);
        Files.writeString(folder.resolve("clustering_metrics.csv"), """
                representation,model,algorithm,k,noise,label,silhouette,nmi,ari,purity
                vae,vae,kmeans,2,0,language,0.5,1.0,1.0,1.0
                vae,vae,kmeans,2,0,genre,0.5,0.1,0.0,0.67
                summary,baseline,kmeans,2,0,language,0.4,0.2,0.1,0.75
                """);
        Files.writeString(folder.resolve("assignments.csv"), "id,vae/kmeans,summary/kmeans\ns1,0,1\ns2,0,0\ns3,1,0\ns4,-1,1\n");
        Files.writeString(folder.resolve("maps/vae.csv"), "id,tsne_x,tsne_y,umap_x,umap_y\ns1,0,0,1,1\ns2,0.1,0,1.1,1\ns3,5,5,,\ns4,5,5.1,9,9\n");
        Files.writeString(folder.resolve("history/vae.csv"), "epoch,loss,reconstruction,kl,seconds\n1,2.0,1.5,0.5,0.1\n2,1.0,0.8,0.2,0.1\n");
        float[] pairs = new float[2 * 2 * 8 * 6];
        for (int i = 0; i < pairs.length; i++) {
            pairs[i] = -80 + i % 40;
        }
        Files.write(folder.resolve("reconstructions/vae.npy"), NpyFormat.toBytes(new NpyArray(new int[] {2, 2, 8, 6}, pairs)));
        Files.writeString(folder.resolve("reconstructions/vae.ids.txt"), "s1\ns2\n");
    }

    @Test
    void everyPlotIsDrawnAndInlinedWithTheProvenanceEscaped() throws IOException {
        RunResults results = new RunResults(folder);
        List<Figure> figures = ReportPlots.write(results);
        assertThat(figures).extracting(f -> f.file().getFileName().toString()).containsExactlyInAnyOrder(
                "nmi-language.png", "nmi-genre.png", "silhouette.png",
                "map-vae-tsne-cluster.png", "map-vae-tsne-language.png", "map-vae-tsne-genre.png",
                "map-vae-umap-cluster.png", "map-vae-umap-language.png", "map-vae-umap-genre.png",
                "training-vae.png", "reconstructions-vae.png");
        for (Figure figure : figures) {
            assertThat(ImageIO.read(figure.file().toFile())).as(figure.file().toString()).isNotNull();
        }
        assertThat(figures).filteredOn(f -> f.file().endsWith("map-vae-umap-cluster.png")).first()
                .extracting(Figure::caption).asString().as("a song without a UMAP position is not drawn").endsWith(": 3 songs");
        assertThat(ImageIO.read(folder.resolve("plots/reconstructions-vae.png").toFile()).getHeight())
                .as("two songs, one row each").isGreaterThan(2 * 8 * 2);

        Path html = HtmlReport.write(results, figures, Map.of("songs from", "a <test> folder"));
        String page = Files.readString(html);
        assertThat(page.split("data:image/png;base64,", -1)).hasSize(figures.size() + 1);
        assertThat(page).contains("run-1", "data.sha256", "abc", "a &lt;test&gt; folder", "&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>");
        assertThat(page.indexOf(">language</td><td>vae<")).as("per label, the best NMI first")
                .isLessThan(page.indexOf(">language</td><td>summary<"));
        assertThat(page).as("one seed: no table over seeds").doesNotContain("seeds (mean");
    }

    @Test
    void theStatisticsOverSeedsComeFirst() throws IOException {
        RunResults other = new RunResults(Files.createDirectories(folder.resolve("seeds/seed-43")));
        Files.writeString(other.folder().resolve("clustering_metrics.csv"), """
                representation,model,algorithm,k,noise,label,silhouette,nmi,ari,purity
                vae,vae,kmeans,3,0,language,0.5,0.8,0.7,0.9
                """);
        RunResults results = new RunResults(folder);
        Path quality = folder.resolve("quality.csv");
        try {
            SeedStatistics.write(SeedStatistics.of(List.of(results, other)), quality);
            String page = Files.readString(HtmlReport.write(results, List.of(), Map.of()));
            assertThat(page).contains("Over 2 seeds", "<td>2 3</td>", "0.900 ± 0.141");
            assertThat(page.indexOf("Over 2 seeds")).isLessThan(page.indexOf("Clustering metrics"));
        } finally {
            // The folder is shared with the other tests, which are single-seed runs.
            Files.delete(quality);
        }
    }

    @Test
    void theSongsLabelsAndAssignmentsAreReadAsWritten() throws IOException {
        RunResults results = new RunResults(folder);
        assertThat(results.labelColumns()).containsExactly("language", "genre");
        assertThat(results.songs().get("s4").title()).isEqualTo("Four, with a comma");
        assertThat(results.songs().get("s4").labels()).containsOnly(Map.entry("language", "de"));
        assertThat(results.assignments().get("vae/kmeans")).containsEntry("s4", -1).hasSize(4);
        assertThat(results.models()).containsExactly("vae");
        assertThat(results.map("vae").orElseThrow().get(2).umap()).isNull();
    }
}
