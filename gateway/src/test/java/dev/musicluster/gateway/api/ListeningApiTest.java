package dev.musicluster.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.hasSize;

import dev.musicluster.contracts.MusicnnTags;
import dev.musicluster.contracts.Topics;
import dev.musicluster.contracts.events.AudioFeaturesExtracted;
import dev.musicluster.contracts.events.ClusterAssigned;
import dev.musicluster.contracts.events.ClusteringCompleted;
import dev.musicluster.contracts.events.EventCodec;
import dev.musicluster.contracts.events.LatentEncoded;
import dev.musicluster.contracts.events.SongIngested;
import dev.musicluster.contracts.storage.ObjectKeys;
import dev.musicluster.contracts.tensor.NpyArray;
import dev.musicluster.contracts.tensor.NpyFormat;
import dev.musicluster.infra.KafkaProbe;
import dev.musicluster.infra.LocalInfra;
import dev.musicluster.infra.LocalInfraTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Playlists, radios, paths, search by words about sound and duplicates, from events on the real broker: ten songs on
 * a circle of the active model's space, in two clusters, one of them ingested twice.
 */
@QuarkusTest
@WithTestResource(LocalInfraTestResource.class)
class ListeningApiTest {

    private static final String RUN = "run-listen";

    LocalInfra infra;

    @Test
    void clustersBecomePlaylistsAndTheSpaceGivesRadiosPathsSearchAndDuplicates() throws Exception {
        KafkaProbe probe = new KafkaProbe(infra.kafka().bootstrapServers());
        Instant at = Instant.now();
        SplittableRandom random = new SplittableRandom(21);
        float[][] embeddings = new float[10][400];
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < 400; j++) {
                embeddings[i][j] = (float) random.nextDouble();
            }
        }
        // l-9 is l-8 encoded again (same length); l-4 sounds like l-3 but is 90 s longer (an extended take).
        embeddings[9] = embeddings[8].clone();
        embeddings[9][0] += 0.01f;
        embeddings[4] = embeddings[3].clone();
        // l-7 sounds like l-6 to the network and lasts as long, but its spectrogram is another: songs made alike.
        embeddings[7] = embeddings[6].clone();
        embeddings[7][1] += 0.01f;
        float[] spectrogram = new float[8 * 400];
        float[] other = new float[8 * 400];
        for (int j = 0; j < spectrogram.length; j++) {
            spectrogram[j] = (float) random.nextGaussian();
            other[j] = (float) random.nextGaussian();
        }
        for (int i = 6; i < 10; i++) {
            infra.s3().put(ObjectKeys.logMel("l-" + i), NpyFormat.toBytes(new NpyArray(new int[] {8, 400}, i == 7 ? other : spectrogram)));
        }
        for (int i = 0; i < 10; i++) {
            String id = "l-" + i;
            String artist = i == 1 || i == 2 || i == 3 ? "Same Band" : "Artist " + i;
            SongIngested song = new SongIngested(SongIngested.SCHEMA_VERSION, id, "Song " + i, artist, ObjectKeys.rawAudio(id, "wav"), "wav",
                    1, "00", null, null, Map.of(), id, at, "albums/" + id + ".wav");
            probe.send(Topics.SONGS_INGESTED.name(), id, EventCodec.toJson(song), Map.of());
            probe.send(Topics.LATENTS.name(), id, EventCodec.toJson(new LatentEncoded(1, id, RUN, "musicnn", latentOf(i), at)), Map.of());
            float[] tags = new float[100];
            tags[MusicnnTags.NAMES.indexOf("piano")] = i == 2 ? 0.9f : 0.05f;
            tags[MusicnnTags.NAMES.indexOf("Mellow")] = i == 2 || i == 4 ? 0.8f : 0.1f;
            double seconds = i == 9 ? 261.0 : i == 4 ? 300.0 : i == 7 ? 240.5 : 180.0 + i * 10;
            probe.send(Topics.AUDIO_FEATURES.name(), id, EventCodec.toJson(new AudioFeaturesExtracted(1, id, id, "00", 22050, 400, 60.0,
                    ObjectKeys.logMel(id), ObjectKeys.mfcc(id), List.of("a"), new float[] {1}, "t", at,
                    new AudioFeaturesExtracted.Musicnn(embeddings[i], tags, 20, ObjectKeys.musicnn(id), "t"), seconds)), Map.of());
            double centre = i < 5 ? 20 : 120;
            probe.send(Topics.CLUSTER_ASSIGNMENTS.name(), id, EventCodec.toJson(new ClusterAssigned(1, id, RUN, "musicnn", "kmeans",
                    i < 5 ? 0 : 1, Math.abs(DEGREES[i] - centre) / 100.0, false, at.plusMillis(i))), Map.of());
        }
        probe.send(Topics.CLUSTERING_RESULTS.name(), RUN + "/musicnn", EventCodec.toJson(new ClusteringCompleted(1, RUN, "m", "a",
                "musicnn", "kmeans", at, Map.of(0, List.of("piano", "mellow"), 1, List.of("rock")))), Map.of());
        awaitPlaylists(RUN, 0, Duration.ofSeconds(30));

        // Playlists: named by their tags and size, flowing from the song nearest the centre, the whole cluster by default.
        Response playlists = given().get("/api/playlists");
        playlists.then().statusCode(200).body("cluster", contains(0, 1))
                .body("[0].name", equalTo("Piano, Mellow · 5 songs")).body("[1].name", equalTo("Rock · 5 songs"))
                .body("[0].songs.id", contains("l-2", "l-1", "l-0", "l-3", "l-4"))
                .body("[0].songs[0].seconds", equalTo(200.0f)).body("[0].m3u8", containsString(".m3u8"));
        given().get("/api/playlists?per-artist=1").then().statusCode(200).body("[0].songs.id", contains("l-2", "l-0", "l-4"));
        given().get("/api/playlists?per-artist=-1").then().statusCode(400).body("error", containsString("per-artist"));
        String piano = playlists.path("[0].id");
        String rock = playlists.path("[1].id");
        String m3u8 = given().get("/api/playlists/" + piano + ".m3u8").then().statusCode(200)
                .header("Content-Type", containsString("mpegurl")).extract().asString();
        assertThat(m3u8.lines().toList()).hasSize(12).startsWith("#EXTM3U", "#PLAYLIST:Piano, Mellow · 5 songs", "#EXTINF:200,Same Band - Song 2");
        assertThat(m3u8.lines().toList().get(3)).matches("http://[^/]+/api/songs/l-2/audio");
        assertThat(given().get("/api/playlists/" + piano + ".m3u8?prefix=/music/").asString()).contains("\n/music/albums/l-2.wav\n");
        given().get("/api/playlists/" + rock + ".xspf?locations=library").then().statusCode(200)
                .body("playlist.trackList.track.size()", equalTo(5)).body("playlist.trackList.track[0].location", equalTo("albums/l-7.wav"));
        given().queryParam("name", "Late\nnight").get("/api/playlists/" + piano + ".m3u8").then().statusCode(400)
                .body("error", containsString("control characters"));
        given().get("/api/playlists/pl-9999").then().statusCode(404);
        // A page at a time: a cluster of a large library is tens of thousands of songs.
        given().get("/api/playlists/" + piano + "?offset=1&limit=2").then().statusCode(200).body("size", equalTo(5))
                .body("offset", equalTo(1)).body("songs.id", contains("l-1", "l-0"))
                .body("next", equalTo("/api/playlists/" + piano + "?per-artist=0&offset=3&limit=2"));
        given().get("/api/playlists/" + piano + "?offset=3&limit=2").then().body("songs.id", contains("l-3", "l-4")).body("next", nullValue());
        given().get("/api/playlists/" + piano + "?limit=1001").then().statusCode(400).body("error", containsString("limit"));
        assertThat(infra.s3().get("playlists/lineage.json")).as("the lineage survives restarts in the store").isNotEmpty();

        // A radio flows outward from its seed, two songs per artist by default, exclusions honoured.
        given().get("/api/radio?from=l-0&count=3").then().statusCode(200).body("songs.id", contains("l-0", "l-1", "l-2", "l-4"))
                .body("songs[0].distance", equalTo(0.0f)).body("name", equalTo("Radio from Artist 0 - Song 0"));
        given().get("/api/radio?from=l-0&count=3&exclude-artist=same band").then().body("songs.id", contains("l-0", "l-4", "l-5", "l-6"));
        given().get("/api/radio?from=l-0&count=10&same-cluster=true&exclude-artist=Same Band&exclude=l-4").then()
                .body("songs.id", contains("l-0"));
        assertThat(given().get("/api/radio?from=l-0&count=2&format=m3u8&prefix=/m/&name=Morning").asString().lines().toList())
                .containsExactly("#EXTM3U", "#PLAYLIST:Morning", "#EXTINF:180,Artist 0 - Song 0", "/m/albums/l-0.wav",
                        "#EXTINF:190,Same Band - Song 1", "/m/albums/l-1.wav", "#EXTINF:200,Same Band - Song 2", "/m/albums/l-2.wav");

        // A path from 0 to 120 degrees in 3 steps: the songs nearest 40 and 80 degrees between.
        given().get("/api/path?from=l-0&to=l-7&steps=3").then().statusCode(200).body("songs.id", contains("l-0", "l-4", "l-5", "l-7"))
                .body("straightStepDegrees", equalTo(40.0f)).body("songs[2].stepDegrees", equalTo(59.0f));

        // Words about sound: the mellow piano piece first; a word that names no tag is reported.
        given().get("/api/search/sound?text=Mellow pianno, kazoo&k=2").then().statusCode(200)
                .body("tags", contains("mellow", "piano")).body("unknown", contains("kazoo")).body("results.id", contains("l-2", "l-4"));

        // The same recording twice; not the take of another length, not the song made alike with another spectrogram.
        given().get("/api/duplicates").then().statusCode(200).body("$", hasSize(1))
                .body("[0].first", equalTo("l-8")).body("[0].second", equalTo("l-9")).body("[0].spectrogramCorrelation", equalTo(1.0f));

        // Hostile input: each a 4xx with the reason.
        given().get("/api/radio?from=nobody").then().statusCode(404).body("error", containsString("nobody"));
        given().get("/api/radio?from=l-0&count=0").then().statusCode(400).body("error", containsString("count is between 1 and 1000"));
        given().get("/api/radio?from=l-0&count=1000000").then().statusCode(400);
        given().get("/api/radio?from=l-0&format=pls").then().statusCode(400).body("error", containsString("m3u8 or xspf"));
        given().queryParam("name", "\u001B[31mred").get("/api/radio?from=l-0&format=m3u8").then().statusCode(400);
        given().get("/api/radio").then().statusCode(400).body("error", containsString("from="));
        given().get("/api/path?from=l-0&to=l-0").then().statusCode(400).body("error", containsString("two different songs"));
        given().get("/api/path?from=l-0&to=l-7&steps=0").then().statusCode(400);
        given().get("/api/path?from=l-0&to=l-7&steps=1000000").then().statusCode(400);
        given().get("/api/search/sound?text=zzzz qqqq").then().statusCode(400).body("error", containsString("names a musicnn tag"));
        given().get("/api/duplicates?max-distance=2").then().statusCode(400);

        // Re-clustered under other cluster numbers, l-4 moved: both playlists keep their ids (Jaccard 4/5 and 5/6).
        for (int i = 0; i < 10; i++) {
            String id = "l-" + i;
            probe.send(Topics.LATENTS.name(), id, EventCodec.toJson(new LatentEncoded(1, id, RUN + "-2", "musicnn", latentOf(i),
                    at.plusSeconds(10))), Map.of());
            probe.send(Topics.CLUSTER_ASSIGNMENTS.name(), id, EventCodec.toJson(new ClusterAssigned(1, id, RUN + "-2", "musicnn", "kmeans",
                    i < 4 ? 7 : 3, 0.1 * i, false, at.plusSeconds(10).plusMillis(i))), Map.of());
        }
        probe.send(Topics.CLUSTERING_RESULTS.name(), RUN + "-2/musicnn", EventCodec.toJson(new ClusteringCompleted(1, RUN + "-2", "m", "a",
                "musicnn", "kmeans", at, Map.of(3, List.of("rock"), 7, List.of("piano")))), Map.of());
        awaitPlaylists(RUN + "-2", 3, Duration.ofSeconds(30));
        given().get("/api/playlists").then().body("cluster", contains(3, 7)).body("id", contains(rock, piano));
    }

    /** l-0..l-4 from 0 to 41 degrees, l-5..l-9 from 100 to 131 (uneven, so no two distances tie). */
    private static final double[] DEGREES = {0, 10, 20, 31, 41, 100, 110, 120, 130, 131};

    private static float[] latentOf(int i) {
        return new float[] {(float) Math.cos(Math.toRadians(DEGREES[i])), (float) Math.sin(Math.toRadians(DEGREES[i]))};
    }

    private static void awaitPlaylists(String run, int firstCluster, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Response answer = given().get("/api/playlists");
            if (answer.statusCode() == 200 && Integer.valueOf(firstCluster).equals(answer.path("[0].cluster"))
                    && Integer.valueOf(10).equals(answer.path("songs.flatten().size()")) && !answer.path("[0].tags").toString().equals("[]")
                    && given().get("/api/radio?from=l-9&count=1").statusCode() == 200) {
                return;
            }
            assertThat(System.nanoTime()).as("the view never caught up with " + run).isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
