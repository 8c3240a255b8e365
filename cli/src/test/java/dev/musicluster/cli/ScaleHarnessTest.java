package dev.musicluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.musicluster.contracts.tensor.NpyArray;
import dev.musicluster.contracts.tensor.NpyFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scale harness end to end at 2,000 songs (docs/scale.md): nothing lost on the way, every song clustered and in a
 * playlist, each stage's output of the shape real audio gives, the hostile reads bounded. The training limits are
 * lowered to 1,500 songs (500 for the spectrogram model) and the maps' to 500, so that training on a sample and
 * encoding every song in batches, and fitting the maps on a sample and placing the rest, run here too; k is given and the baselines are left out, to keep
 * the suite's time (docs/scale.md has the default run measured).
 */
class ScaleHarnessTest {

    private static final int SONGS = 2_000;

    @TempDir
    Path dir;

    @Test
    void twoThousandSimulatedSongsGoThroughTheWholeSystemAndNoneIsLost() throws Exception {
        Path home = Path.of(System.getProperty("user.dir")).getParent();
        ScaleHarness.Plan plan = new ScaleHarness.Plan(SONGS, 7, true, List.of("musicnn", "conv-vae"), 2, List.of("kmeans"), "12", 5,
                Duration.ofMinutes(5), dir, Map.of("training-service", Map.of("MUSICLUSTER_TRAINING_MAX_TRAINING_SONGS", "1500",
                                "MUSICLUSTER_TRAINING_MAX_SPECTROGRAM_SONGS", "500"),
                        // the baselines' representations are the same code at any size; here they only cost CI time
                        "clustering-service", Map.of("MUSICLUSTER_CLUSTERING_BASELINES", "false",
                                // the maps fitted on 500 songs, the other 1,500 placed by their neighbours
                                "MUSICLUSTER_CLUSTERING_MAP_MAX_SONGS", "500")), false);
        ScaleHarness.Outcome outcome = new ScaleHarness(plan, home).run(System.out);

        assertThat(outcome.listed()).isEqualTo(SONGS);
        assertThat(outcome.analysed()).isEqualTo(SONGS);
        assertThat(outcome.clustered()).as("after the gateway's restart, its view holds every song clustered").isEqualTo(SONGS);
        assertThat(outcome.failed()).isZero();
        assertThat(outcome.playlistSongs()).as("every cluster member in its playlist").isEqualTo(outcome.playlistMembers()).isEqualTo(SONGS);
        assertThat(outcome.ok()).isTrue();

        Path results = outcome.results();
        for (String model : List.of("musicnn", "conv-vae")) {
            NpyArray latents = NpyFormat.fromBytes(Files.readAllBytes(results.resolve("latents/" + model + ".npy")));
            assertThat(latents.dim(0)).as(model + ": every song encoded").isEqualTo(SONGS);
            assertThat(Files.readAllLines(results.resolve("latents/" + model + ".ids.txt"))).hasSize(SONGS);
            List<String> map = Files.readAllLines(results.resolve("maps/" + model + ".csv"));
            assertThat(map).as("the map: every song and its header").hasSize(SONGS + 1);
            assertThat(map.stream().filter(line -> line.endsWith(",1"))).as("placed by their nearest fitted songs").hasSize(SONGS - 500);
        }
        assertThat(Files.readAllLines(results.resolve("assignments.csv"))).hasSize(SONGS + 1);
        // One song in a hundred is an earlier recording again: 20 pairs, each confirmed by its spectrogram.
        assertThat(Files.readAllLines(results.resolve("duplicates.csv"))).hasSize(SONGS / SimulatedLibrary.DUPLICATE_EVERY + 1);
        assertThat(Files.readString(dir.resolve("logs/gateway.log"))).as("a restarted gateway finds the duplicates before anyone asks")
                .contains("view whole: " + SONGS / SimulatedLibrary.DUPLICATE_EVERY + " duplicates found");

        JsonNode run = new ObjectMapper().readTree(results.resolve("run.json").toFile());
        JsonNode convVae = run.path("byModel").path("conv-vae").path("provenance");
        assertThat(convVae.path("data.trained-on").asText()).startsWith("a sample of 500 of the 2000 songs");
        assertThat(convVae.path("features.extractor").asText()).contains("simulated");
        assertThat(run.path("byModel").path("musicnn").path("provenance").path("data.trained-on").asText())
                .as("a dense model above max-training-songs").startsWith("a sample of 1500 of the 2000 songs");

        // The clustering found the simulated sounds: the label only scores it.
        List<String> metrics = Files.readAllLines(results.resolve("clustering_metrics.csv"));
        int nmiColumn = List.of(metrics.get(0).split(",")).indexOf("nmi");
        double nmi = metrics.stream().filter(line -> line.startsWith("musicnn,musicnn,kmeans,") && line.contains(",sound,")).findFirst()
                .map(line -> Double.parseDouble(line.split(",")[nmiColumn])).orElseThrow();
        assertThat(nmi).isGreaterThan(0.8);

        for (String stage : List.of("upload", "analysed", "train and cluster", "playlists", "duplicates", "gateway restart: ready",
                "gateway restart: whole view", "gateway restart as deployed: ready")) {
            assertThat(outcome.value("stage", stage)).as(stage).isPositive();
        }
        assertThat(outcome.value("gateway restart", "songs clustered in its view when ready")).as("ready means the view is whole")
                .isEqualTo(SONGS);
        assertThat(outcome.value("gateway restart as deployed", "songs clustered in its view when ready")).isEqualTo(SONGS);
        assertThat(outcome.value("read p99", "song")).isPositive();
        assertThat(outcome.value("read p99 as deployed", "radio")).isPositive();
        assertThat(outcome.value("peak RSS", "gateway")).isPositive();
        assertThat(outcome.value("store bytes", "features/")).isPositive();
        assertThat(outcome.value("topic bytes", "audio.features")).isPositive();
        assertThat(outcome.measures()).filteredOn(m -> m.kind().equals("hostile read")).hasSize(6)
                .allSatisfy(m -> assertThat(m.detail()).matches("HTTP (200|400), .*"));
        assertThat(outcome.measures()).filteredOn(m -> m.kind().equals("web UI")).allSatisfy(m ->
                assertThat(m.detail()).as("the web UI's map, where Chromium is installed").startsWith(SONGS + " songs on the map"));
        assertThat(Files.readAllLines(results.resolve("scale.csv")).get(0)).isEqualTo("songs,kind,name,value,unit,detail");
    }

    @Test
    void theServicesHeapsFollowTheLibrarysSize() {
        assertThat(ScaleHarness.heaps(2_000)).as("the local defaults").isEmpty();
        assertThat(ScaleHarness.heaps(30_000)).containsExactly(Map.entry("clustering-service", "804m"));
        assertThat(ScaleHarness.heaps(100_000)).containsExactly(Map.entry("gateway", "1818m"), Map.entry("clustering-service", "1488m"),
                Map.entry("training-service", "1939m"));
    }
}
