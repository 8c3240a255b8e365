package dev.musicluster.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedStatisticsTest {

    private static final String HEADER = "representation,model,algorithm,k,noise,label,silhouette,ari,nmi,purity\n";

    @TempDir
    Path dir;

    @Test
    void everyRowOfEverySeedBecomesItsMeanAndStandardDeviation() throws Exception {
        RunResults first = seed("a", """
                vae,vae,kmeans,2,0,genre,0.3,0.10,0.20,0.50
                vae,vae,kmeans,2,0,,0.3,,,
                vae,vae,gmm-diag,3,0,genre,0.2,0.05,0.30,0.60
                lyrics,baseline,kmeans,2,0,language,0.5,1.0,1.00,1.00
                """);
        RunResults second = seed("b", """
                vae,vae,kmeans,3,0,genre,0.3,0.20,0.40,0.70
                vae,vae,gmm-diag,4,0,genre,0.2,0.15,0.10,0.40
                """);

        List<SeedStatistics.Row> rows = SeedStatistics.of(List.of(first, second));

        assertThat(rows).as("unlabelled rows and rows missing from a seed are left out")
                .extracting(SeedStatistics.Row::algorithm).containsExactly("kmeans", "gmm-diag");
        SeedStatistics.Row kmeans = rows.get(0);
        assertThat(kmeans.ks()).containsExactly("2", "3");
        assertThat(kmeans.mean("nmi")).isCloseTo(0.30, within(1e-12));
        assertThat(kmeans.std("nmi")).as("sample standard deviation").isCloseTo(Math.sqrt(0.02), within(1e-12));
        assertThat(kmeans.mean("purity")).isCloseTo(0.60, within(1e-12));

        Path csv = dir.resolve("quality.csv");
        SeedStatistics.write(rows, csv);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("representation,model,algorithm,label,seeds,k,nmi_mean,nmi_std,nmi_per_seed,ari_mean,"
                + "ari_std,ari_per_seed,purity_mean,purity_std,purity_per_seed");
        assertThat(lines.get(1)).startsWith("vae,vae,kmeans,genre,2,2 3,0.3");
        List<SeedStatistics.Row> read = new RunResults(dir).seedStatistics();
        assertThat(read).hasSize(2);
        assertThat(read.get(0).ks()).containsExactly("2", "3");
        assertThat(read.get(0).values().get("nmi")).containsExactly(0.20, 0.40);
        assertThat(read.get(1).std("purity")).isCloseTo(rows.get(1).std("purity"), within(1e-12));
        assertThat(new RunResults(dir.resolve("a")).seedStatistics()).as("no quality.csv: one seed").isEmpty();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SeedStatistics.print(rows, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).as("the best algorithm per representation by mean NMI")
                .contains("over 2 seeds").contains("kmeans").doesNotContain("gmm-diag");
    }

    private RunResults seed(String name, String rows) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.writeString(folder.resolve("clustering_metrics.csv"), HEADER + rows);
        return new RunResults(folder);
    }
}
