package dev.musicluster.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.musicluster.contracts.Topics;
import dev.musicluster.contracts.events.AudioFeaturesExtracted;
import dev.musicluster.contracts.events.ClusterAssigned;
import dev.musicluster.contracts.events.ClusteringCompleted;
import dev.musicluster.contracts.events.EventCodec;
import dev.musicluster.contracts.events.LatentEncoded;
import dev.musicluster.contracts.events.SongIngested;
import dev.musicluster.contracts.storage.ObjectKeys;
import dev.musicluster.infra.KafkaProbe;
import dev.musicluster.infra.LocalInfra;
import dev.musicluster.infra.LocalInfraTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Latents and assignments on the real broker become similar-song answers and a cluster browser. */
@QuarkusTest
@WithTestResource(LocalInfraTestResource.class)
class ClusterApiTest {

    LocalInfra infra;

    @Test
    void similarSongsAndClustersComeFromTheLatentsAndAssignments() throws Exception {
        KafkaProbe probe = new KafkaProbe(infra.kafka().bootstrapServers());
        float[][] points = {{0, 0}, {0.1f, 0}, {5, 5}, {5.2f, 5}, {0.3f, 0}};
        String[] languages = {"en", "en", "de", "de", "de"};
        Instant at = Instant.now();
        for (int i = 0; i < points.length; i++) {
            String id = "c-" + i;
            SongIngested song = new SongIngested(SongIngested.SCHEMA_VERSION, id, "Title " + i, "Artist", ObjectKeys.rawAudio(id, "wav"),
                    "wav", 1, "00", null, null, Map.of("language", languages[i]), id, at);
            probe.send(Topics.SONGS_INGESTED.name(), id, EventCodec.toJson(song), Map.of());
            probe.send(Topics.LATENTS.name(), id, EventCodec.toJson(new LatentEncoded(1, id, "run-c", "conv-vae", points[i], at)), Map.of());
            // musicnn's tags for the song: c-0 most likely piano, then classical (MTT indices 9 and 1), the others guitar.
            float[] tags = new float[100];
            tags[50 + (i == 0 ? 9 : 0)] = 0.9f;
            tags[50 + 1] = i == 0 ? 0.8f : 0.01f;
            tags[2] = i == 0 ? 0.5f : 0f;
            probe.send(Topics.AUDIO_FEATURES.name(), id, EventCodec.toJson(new AudioFeaturesExtracted(1, id, "00", "00", 22050, 10, 30.0,
                    ObjectKeys.logMel(id), ObjectKeys.mfcc(id), List.of("a"), new float[] {1}, "t", at,
                    new AudioFeaturesExtracted.Musicnn(new float[400], tags, 1, ObjectKeys.musicnn(id), "t"))), Map.of());
            int cluster = points[i][0] > 2 ? 1 : 0;
            probe.send(Topics.CLUSTER_ASSIGNMENTS.name(), id, EventCodec.toJson(new ClusterAssigned(1, id, "run-c", "conv-vae", "kmeans",
                    cluster, Math.abs(points[i][0] - (cluster == 1 ? 5.1 : 0.13)), false, at.plusMillis(i))), Map.of());
        }
        probe.send(Topics.CLUSTERING_RESULTS.name(), "run-c/conv-vae", EventCodec.toJson(new ClusteringCompleted(1, "run-c", "m", "a",
                "conv-vae", "kmeans", at, Map.of(0, List.of("piano", "classical"), 1, List.of("guitar")))), Map.of());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (given().get("/api/songs/c-4/cluster").statusCode() != 200 || given().get("/api/songs/c-4/similar").statusCode() != 200
                || given().get("/api/songs/c-0").statusCode() != 200 || given().get("/api/songs/c-0").path("tags").toString().equals("[]")
                || given().get("/api/clusters").path("[0].tags").toString().equals("[]")) {
            assertThat(System.nanoTime()).as("the view never caught up").isLessThan(deadline);
            Thread.sleep(200);
        }
        given().get("/api/songs/c-0/similar?k=2").then().statusCode(200)
                .body("id", contains("c-1", "c-4")).body("[0].title", equalTo("Title 1"));
        given().get("/api/songs/c-2/cluster").then().statusCode(200).body("cluster", equalTo(1));
        given().get("/api/clusters").then().statusCode(200).body("cluster", contains(0, 1))
                .body("[0].size", equalTo(3)).body("[0].labels.language.en", equalTo(2)).body("[0].labels.language.de", equalTo(1))
                .body("[0].representatives[0]", equalTo("c-1")).body("[1].members", contains("c-2", "c-3"))
                .body("[0].tags", contains("piano", "classical")).body("[1].tags", contains("guitar"));
        // A song's own top tags, from its features; a tag both networks name counts once.
        given().get("/api/songs/c-0").then().statusCode(200).body("tags", contains("piano", "classical", "alternative"));
        given().get("/api/clusters/7").then().statusCode(404);
        given().get("/api/songs/c-0/similar?k=0").then().statusCode(400);
        given().get("/api/songs/nobody/similar").then().statusCode(404);
    }
}
