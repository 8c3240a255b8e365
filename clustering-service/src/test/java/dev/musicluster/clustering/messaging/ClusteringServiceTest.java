package dev.musicluster.clustering.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.musicluster.contracts.Topics;
import dev.musicluster.contracts.events.AudioFeaturesExtracted;
import dev.musicluster.contracts.events.ClusterAssigned;
import dev.musicluster.contracts.events.ClusteringCompleted;
import dev.musicluster.contracts.events.LatentEncoded;
import dev.musicluster.contracts.events.LyricsEmbedded;
import dev.musicluster.contracts.events.EventCodec;
import dev.musicluster.contracts.events.ModelTrained;
import dev.musicluster.contracts.events.SongIngested;
import dev.musicluster.contracts.storage.ObjectKeys;
import dev.musicluster.contracts.tensor.NpyArray;
import dev.musicluster.contracts.tensor.NpyFormat;
import dev.musicluster.infra.KafkaProbe;
import dev.musicluster.infra.LocalInfra;
import dev.musicluster.infra.LocalInfraTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A trained model's latents in the real S3, its event on the real broker: clusters, scores, the baselines beside it,
 * CSVs, an event, every song's assignment, and a later song assigned online.
 */
@QuarkusTest
@WithTestResource(LocalInfraTestResource.class)
class ClusteringServiceTest {

    LocalInfra infra;

    @Test
    void aTrainedModelIsClusteredAndScoredAgainstTheSongsLabels() throws Exception {
        KafkaProbe probe = new KafkaProbe(infra.kafka().bootstrapServers());
        Random random = new Random(3);
        String[] genres = {"rock", "jazz", "folk"};
        List<String> ids = new ArrayList<>();
        float[] latents = new float[45 * 4];
        for (int i = 0; i < 45; i++) {
            String id = "song-" + i;
            ids.add(id);
            int genre = i % 3;
            for (int j = 0; j < 4; j++) {
                latents[i * 4 + j] = (float) ((j == genre ? 6 : 0) + random.nextGaussian() * 0.3);
            }
            SongIngested song = new SongIngested(SongIngested.SCHEMA_VERSION, id, id, null, ObjectKeys.rawAudio(id, "wav"), "wav",
                    1, "00", null, null, Map.of("genre", genres[genre]), id, Instant.now());
            probe.send(Topics.SONGS_INGESTED.name(), id, EventCodec.toJson(song), Map.of());
            float[] summary = new float[6];
            for (int j = 0; j < summary.length; j++) {
                summary[j] = (float) ((j % 3 == genre ? 4 : 0) + random.nextGaussian());
            }
            AudioFeaturesExtracted features = new AudioFeaturesExtracted(AudioFeaturesExtracted.SCHEMA_VERSION, id, id, "00", 22050, 10,
                    30.0, ObjectKeys.logMel(id), ObjectKeys.mfcc(id), List.of("a", "b", "c", "d", "e", "f"), summary, "t", Instant.now(), null);
            probe.send(Topics.AUDIO_FEATURES.name(), id, EventCodec.toJson(features), Map.of());
            boolean hasLyrics = i % 5 != 0;
            LyricsEmbedded lyrics = new LyricsEmbedded(LyricsEmbedded.SCHEMA_VERSION, id, id, hasLyrics,
                    hasLyrics ? new float[] {genre == 0 ? 1 : 0, genre == 1 ? 1 : 0, genre == 2 ? 1 : 0} : null, hasLyrics ? 3 : 0,
                    "t", "1", null, 1.0, Map.of(), 5, false, Instant.now());
            probe.send(Topics.LYRICS_EMBEDDINGS.name(), id, EventCodec.toJson(lyrics), Map.of());
        }
        infra.s3().put(ObjectKeys.latents("run-1", "vae.npy"), NpyFormat.toBytes(new NpyArray(new int[] {45, 4}, latents)));
        infra.s3().put(ObjectKeys.latents("run-1", "vae.ids.txt"), String.join("\n", ids).getBytes(StandardCharsets.UTF_8));
        ModelTrained model = new ModelTrained(ModelTrained.SCHEMA_VERSION, "run-1", "vae", ObjectKeys.model("run-1", "vae.pt"),
                ObjectKeys.latents("run-1", "vae.npy"), ObjectKeys.latents("run-1", "vae.ids.txt"), 4, 45, true, Map.of(), List.of("kmeans", "agglomerative-ward"), "auto", Instant.now());
        probe.send(Topics.MODELS_TRAINED.name(), model.key(), EventCodec.toJson(model), Map.of());

        ClusteringCompleted completed = EventCodec.fromJson(probe.await(Topics.CLUSTERING_RESULTS.name(), r -> "run-1/vae".equals(r.key()),
                Duration.ofSeconds(90)).value(), ClusteringCompleted.class);
        assertThat(completed.primaryAlgorithm()).isEqualTo("kmeans");
        List<String> metrics = new String(infra.s3().get(completed.metricsKey()), StandardCharsets.UTF_8).lines().toList();
        assertThat(metrics.get(0)).startsWith("representation,model,algorithm,k,noise,label,silhouette");
        String kmeans = metrics.stream().filter(line -> line.startsWith("vae,vae,kmeans,")).findFirst().orElseThrow();
        assertThat(kmeans).contains(",genre,");
        assertThat(Double.parseDouble(kmeans.split(",")[10])).as("NMI against genre").isGreaterThan(0.99);
        List<String> assignments = new String(infra.s3().get(completed.assignmentsKey()), StandardCharsets.UTF_8).lines().toList();
        assertThat(assignments).hasSize(46);
        assertThat(assignments.get(0)).startsWith("id,vae/kmeans,").contains("summary/kmeans", "pca32-summary/kmeans",
                "lyrics/kmeans", "summary+lyrics/kmeans");
        List<String> map = new String(infra.s3().get(ObjectKeys.results("run-1", "map-vae.csv")), StandardCharsets.UTF_8).lines().toList();
        assertThat(map).hasSize(46).first().isEqualTo("id,tsne_x,tsne_y,umap_x,umap_y,placed");
        assertThat(map.get(1)).startsWith("song-0,").doesNotContain("NaN");
        int fittedOn = List.of(metrics.get(0).split(",")).indexOf("fitted_on");
        assertThat(kmeans.split(",")[fittedOn]).as("the model: every song").isEqualTo("45");
        for (String baseline : List.of("summary", "pca32-summary", "lyrics", "summary+lyrics")) {
            String row = metrics.stream().filter(line -> line.startsWith(baseline + ",baseline,kmeans,")).findFirst().orElseThrow();
            assertThat(Double.parseDouble(row.split(",")[10])).as(baseline + " NMI against genre").isGreaterThan(0.8);
            assertThat(Integer.parseInt(row.split(",")[fittedOn])).as(baseline + ": a sample of 40 (baselines-max-songs), lyrics of those")
                    .isLessThanOrEqualTo(40);
        }
        assertThat(metrics.stream().filter(line -> line.startsWith("summary,baseline,kmeans,")).findFirst().orElseThrow()
                .split(",")[fittedOn]).isEqualTo("40");
        List<String> header = List.of(assignments.get(0).split(",", -1));
        int summaryColumn = header.indexOf("summary/kmeans");
        int vaeColumn = header.indexOf("vae/kmeans");
        assertThat(assignments.stream().skip(1).filter(line -> line.split(",", -1)[summaryColumn].isEmpty()).count())
                .as("five songs outside the baselines' sample").isEqualTo(5);
        assertThat(assignments.stream().skip(1).filter(line -> line.split(",", -1)[vaeColumn].isEmpty())).as("the model: every song").isEmpty();
        Map<String, String> vaeCluster = assignments.stream().skip(1).map(line -> line.split(",", -1))
                .collect(java.util.stream.Collectors.toMap(cells -> cells[0], cells -> cells[vaeColumn]));
        assertThat(vaeCluster.values().stream().distinct().count()).as("k = auto finds the three genres").isEqualTo(3);

        // Every clustered song's assignment, then a song that arrives later goes to the nearest centre.
        assertThat(probe.collect(Topics.CLUSTER_ASSIGNMENTS.name(), r -> r.value() != null && r.value().contains("\"run-1\""), 45,
                Duration.ofSeconds(30)))
                .hasSize(45);
        float[] newcomer = {0.1f, 6.2f, -0.2f, 0.3f};
        probe.send(Topics.LATENTS.name(), "song-new", EventCodec.toJson(new LatentEncoded(LatentEncoded.SCHEMA_VERSION, "song-new",
                "run-1", "vae", newcomer, Instant.now())), Map.of());
        ClusterAssigned assigned = EventCodec.fromJson(probe.await(Topics.CLUSTER_ASSIGNMENTS.name(), r -> "song-new".equals(r.key()),
                Duration.ofSeconds(30)).value(), ClusterAssigned.class);
        assertThat(assigned.online()).isTrue();
        assertThat(assigned.cluster()).as("the cluster of the songs of genre 1").isEqualTo(Integer.parseInt(vaeCluster.get("song-1")));
        assertThat(assigned.distance()).isLessThan(1.5);

        // The song removed: its latent's tombstone becomes its assignment's.
        probe.send(Topics.LATENTS.name(), "song-new", null, Map.of());
        probe.await(Topics.CLUSTER_ASSIGNMENTS.name(), r -> "song-new".equals(r.key()) && r.value() == null, Duration.ofSeconds(30));

        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(scrape).contains("musicluster_clustering_metric{").contains("algorithm=\"kmeans\"").contains("metric=\"nmi\"")
                .contains("musicluster_clustering_duration_seconds_count");
    }
}
