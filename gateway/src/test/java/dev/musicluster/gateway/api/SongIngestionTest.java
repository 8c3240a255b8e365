package dev.musicluster.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.musicluster.contracts.Topics;
import dev.musicluster.contracts.events.DeadLetters;
import dev.musicluster.contracts.events.EventCodec;
import dev.musicluster.contracts.events.SongIngested;
import dev.musicluster.demo.DemoCorpus;
import dev.musicluster.demo.Style;
import dev.musicluster.infra.KafkaProbe;
import dev.musicluster.infra.LocalInfra;
import dev.musicluster.infra.LocalInfraTestResource;
import io.minio.GetObjectArgs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Uploads through the real HTTP API into a real Kafka broker and a real S3 server. */
@QuarkusTest
@WithTestResource(LocalInfraTestResource.class)
class SongIngestionTest {

    static Path wav;

    LocalInfra infra;

    @BeforeAll
    static void renderSong() throws Exception {
        wav = Files.createTempFile("gateway-test-", ".wav");
        DemoCorpus.renderSong(Style.JAZZ, 11, 3.0, wav);
    }

    @Test
    void ingestStoresAudioPublishesEventAndListsTheSong() throws Exception {
        String metadata = "{\"id\":\"jazz-11\",\"title\":\"Blue Test\",\"artist\":\"Probe\",\"lyrics\":\"আমার সোনার বাংলা\","
                + "\"language\":\"bn\",\"labels\":{\"genre\":\"jazz\"}}";
        upload(wav, metadata).then().statusCode(202).body("id", equalTo("jazz-11")).body("status", equalTo("accepted"));

        ConsumerRecord<String, String> record = probe().await(Topics.SONGS_INGESTED.name(),
                r -> "jazz-11".equals(r.key()), Duration.ofSeconds(30));
        SongIngested event = EventCodec.fromJson(record.value(), SongIngested.class);
        assertThat(event.audioKey()).isEqualTo("raw/jazz-11/audio.wav");
        assertThat(event.audioFormat()).isEqualTo("wav");
        assertThat(event.audioBytes()).isEqualTo(Files.size(wav));
        assertThat(event.lyrics()).isEqualTo("আমার সোনার বাংলা");
        assertThat(event.labels()).isEqualTo(Map.of("language", "bn", "genre", "jazz"));
        assertThat(event.title()).isEqualTo("Blue Test");

        try (InputStream stored = infra.s3().client().getObject(
                GetObjectArgs.builder().bucket("musicluster").object(event.audioKey()).build())) {
            assertThat(stored.readAllBytes()).isEqualTo(Files.readAllBytes(wav));
        }

        given().get("/api/songs/jazz-11").then().statusCode(200)
                .body("title", equalTo("Blue Test"))
                .body("stages.ingested.state", equalTo("DONE"))
                .body("stages.features.state", equalTo("PENDING"))
                .body("labels.language", equalTo("bn"));
        given().get("/api/songs").then().statusCode(200).body("id", org.hamcrest.Matchers.hasItem("jazz-11"));
    }

    @Test
    void theSameSongTwiceIsOneSongAndOneEvent() {
        String metadata = "{\"id\":\"twice-1\",\"title\":\"Again\"}";
        upload(wav, metadata).then().statusCode(202);
        upload(wav, metadata).then().statusCode(200).body("status", equalTo("unchanged"));

        var events = probe().collect(Topics.SONGS_INGESTED.name(), r -> "twice-1".equals(r.key()), 2, Duration.ofSeconds(5));
        assertThat(events).hasSize(1);
        long listed = given().get("/api/songs").jsonPath().getList("id").stream().filter("twice-1"::equals).count();
        assertThat(listed).isEqualTo(1);
    }

    @Test
    void songsAreListedAPageAtATimeWithTheNextPagesAddress() {
        upload(wav, "{\"id\":\"page-1\",\"title\":\"One\"}").then().statusCode(202);
        upload(wav, "{\"id\":\"page-2\",\"title\":\"Two\"}").then().statusCode(202);
        var whole = given().get("/api/songs");
        int total = Integer.parseInt(whole.header("X-Total-Count"));
        assertThat(whole.jsonPath().getList("id")).hasSize(total).contains("page-1", "page-2");
        assertThat(whole.header("Link")).as("one page holds them all").isNull();
        var first = given().get("/api/songs?limit=1");
        first.then().statusCode(200).body("id", org.hamcrest.Matchers.hasSize(1));
        assertThat(first.header("Link")).isEqualTo("</api/songs?offset=1&limit=1>; rel=\"next\"");
        var last = given().get("/api/songs?offset=" + (total - 1) + "&limit=1");
        assertThat(last.jsonPath().getList("id")).containsExactly(whole.jsonPath().getList("id").get(total - 1));
        assertThat(last.header("Link")).isNull();
        given().get("/api/songs?limit=5001").then().statusCode(400).body("error", containsString("limit"));
    }

    @Test
    void theIndexNamesEverySongWithItsLabelsInOneCompactTable() {
        upload(wav, "{\"id\":\"index-1\",\"title\":\"Hello, \\\"world\\\"\",\"artist\":\"A\",\"labels\":{\"mood\":\"calm\"}}")
                .then().statusCode(202);
        upload(wav, "{\"id\":\"index-2\",\"title\":\"Plain\"}").then().statusCode(202);
        var index = given().get("/api/songs/index.csv");
        index.then().statusCode(200).contentType(containsString("text/csv"));
        List<String> lines = index.asString().lines().toList();
        int total = Integer.parseInt(index.header("X-Total-Count"));
        assertThat(lines).as("a header and a line per song").hasSize(total + 1);
        List<String> header = List.of(lines.get(0).split(","));
        assertThat(header).startsWith("id", "title", "artist").contains("mood");
        int mood = header.indexOf("mood");
        String quoted = "\"Hello, \"\"world\"\"\"";
        assertThat(lines).as("a title with a comma and quotes is quoted").anyMatch(l -> l.startsWith("index-1," + quoted + ",A,"));
        String plain = lines.stream().filter(l -> l.startsWith("index-2,")).findFirst().orElseThrow();
        assertThat(plain.split(",", -1)[mood]).as("a label the song lacks is empty").isEmpty();
        String labelled = lines.stream().filter(l -> l.startsWith("index-1,")).findFirst().orElseThrow()
                .substring(("index-1," + quoted + ",A,").length());
        assertThat(labelled.split(",", -1)[mood - 3]).isEqualTo("calm");
    }

    @Test
    void aMovedFileKeepsItsRevisionSoItsSongIsNotAnalysedAgain() {
        upload(wav, "{\"id\":\"moved-1\",\"title\":\"Moved\"}").then().statusCode(202);
        upload(wav, "{\"id\":\"moved-1\",\"title\":\"Moved\",\"source\":\"albums/moved.wav\"}").then().statusCode(202);
        upload(wav, "{\"id\":\"moved-1\",\"title\":\"Moved\",\"source\":\"albums/moved.wav\"}").then().statusCode(200)
                .body("status", equalTo("unchanged"));
        upload(wav, "{\"id\":\"moved-1\",\"title\":\"Moved\"}").then().statusCode(200).body("status", equalTo("unchanged"));
        List<SongIngested> events = probe().collect(Topics.SONGS_INGESTED.name(), r -> "moved-1".equals(r.key()), 3, Duration.ofSeconds(5))
                .stream().map(r -> EventCodec.fromJson(r.value(), SongIngested.class)).toList();
        assertThat(events).hasSize(2);
        assertThat(events.get(1).revision()).as("the place is not the music").isEqualTo(events.get(0).revision());
        assertThat(events.get(1).source()).isEqualTo("albums/moved.wav");
        upload(wav, "{\"id\":\"moved-2\",\"source\":\"a\\u0007b\"}").then().statusCode(400).body("error", containsString("source"));
    }

    @Test
    void longLyricsAreAcceptedAndTravelAsAnObject() throws Exception {
        // Real songs' lyrics run to several kilobytes: far over the 2 KB a form field may carry by default.
        String verse = "Tomorrow, and tomorrow, and tomorrow creeps in this petty pace from day to day\\n";
        String lyrics = verse.repeat(1_200);
        upload(wav, "{\"id\":\"long-lyrics\",\"title\":\"Long\",\"lyrics\":\"" + lyrics + "\"}").then().statusCode(202);
        SongIngested event = EventCodec.fromJson(probe().await(Topics.SONGS_INGESTED.name(), r -> "long-lyrics".equals(r.key()),
                Duration.ofSeconds(30)).value(), SongIngested.class);
        assertThat(event.lyrics()).as("over the inline limit: stored as an object").isNull();
        assertThat(new String(infra.s3().get(event.lyricsKey()), java.nio.charset.StandardCharsets.UTF_8))
                .hasSizeGreaterThan(90_000).startsWith("Tomorrow, and tomorrow");
    }

    @Test
    void hostileNamesAndTextAreHarmless() throws Exception {
        // A client's file name never reaches a key: the key is made from the song id and the sniffed container.
        Writers.given().multiPart("audio", "../../../etc/passwd.wav", Files.readAllBytes(wav), "application/octet-stream")
                .multiPart("metadata", "{\"id\":\"hostile-name\",\"title\":\"x\"}", "application/json").post("/api/songs")
                .then().statusCode(202);
        assertThat(infra.s3().get("raw/hostile-name/audio.wav")).hasSize((int) Files.size(wav));
        for (String id : java.util.List.of("..", ".", "a/b", "a\\b", "x".repeat(129), "café")) {
            upload(wav, "{\"id\":" + com.fasterxml.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(id)
                    + ",\"title\":\"x\"}").then().statusCode(400);
        }
        // Control characters in lyrics are kept as sent (the embedding service normalises them); 1 MB of lyrics travels as an object.
        upload(wav, "{\"id\":\"control-chars\",\"title\":\"x\",\"lyrics\":\"la\\u0000la\\u001b[31m la\"}").then().statusCode(202);
        String megabyte = "la ".repeat(350_000);
        upload(wav, "{\"id\":\"megabyte-lyrics\",\"title\":\"x\",\"lyrics\":\"" + megabyte + "\"}").then().statusCode(202);
        SongIngested big = EventCodec.fromJson(probe().await(Topics.SONGS_INGESTED.name(), r -> "megabyte-lyrics".equals(r.key()),
                Duration.ofSeconds(30)).value(), SongIngested.class);
        assertThat(infra.s3().get(big.lyricsKey())).hasSize(megabyte.length());
    }

    @Test
    void aSongWithoutIdIsNamedByItsAudio() {
        String first = upload(wav, "{\"title\":\"anonymous\"}").then().statusCode(202).extract().path("id");
        String second = upload(wav, "{\"title\":\"anonymous\"}").then().statusCode(200).extract().path("id");
        assertThat(first).startsWith("s-").isEqualTo(second);
    }

    @Test
    void badUploadsAreRefusedWithAClearStatus() throws Exception {
        Path text = Files.writeString(Files.createTempFile("not-audio", ".mp3"), "this is not audio at all");
        upload(text, "{\"title\":\"x\"}").then().statusCode(415).body("error", containsString("unsupported audio"));

        Path empty = Files.createTempFile("empty", ".wav");
        upload(empty, "{\"title\":\"x\"}").then().statusCode(400).body("error", containsString("empty"));

        upload(wav, "{\"id\":\"../../etc/passwd\"}").then().statusCode(400).body("error", containsString("invalid song id"));

        assertThat(statusForDeclaredLength(3L * 1024 * 1024)).as("3 MB against a 2 MB limit").isEqualTo(413);

        Writers.given().multiPart("metadata", "{\"title\":\"no audio\"}", "application/json").post("/api/songs")
                .then().statusCode(400).body("error", containsString("no 'audio' part"));
        given().get("/api/songs/nope").then().statusCode(404);
    }

    @Test
    void aDeadLetterOfTheFeatureStageShowsAsTheSongsFailure() throws Exception {
        upload(wav, "{\"id\":\"doomed-1\",\"title\":\"Doomed\"}").then().statusCode(202);
        probe().send(Topics.DLQ_FEATURE_SERVICE.name(), "doomed-1", "{}", Map.of(DeadLetters.REASON, "audio shorter than 1 s"));

        awaitStatus("doomed-1", "features failed");
        given().get("/api/songs/doomed-1").then().body("stages.features.detail", equalTo("audio shorter than 1 s"));
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndTheViewGoesOn() throws Exception {
        probe().send(Topics.SONGS_INGESTED.name(), "poison-1", "{this is not json", Map.of());
        ConsumerRecord<String, String> dead = probe().await(Topics.DLQ_GATEWAY.name(),
                r -> "poison-1".equals(r.key()), Duration.ofSeconds(30));
        assertThat(KafkaProbe.header(dead, DeadLetters.REASON)).contains("malformed JSON");

        SongIngested valid = new SongIngested(1, "after-poison", "After", null, "raw/after-poison/audio.wav", "wav", 10,
                "00", null, null, Map.of(), "rev-1", java.time.Instant.now());
        probe().send(Topics.SONGS_INGESTED.name(), "after-poison", EventCodec.toJson(valid), Map.of());
        awaitStatus("after-poison", "ingested");
    }

    private void awaitStatus(String id, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Response response = given().get("/api/songs/" + id);
            if (response.statusCode() == 200 && status.equals(response.jsonPath().getString("status"))) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(id + " never reached status " + status + ": " + given().get("/api/songs/" + id).asString());
    }

    /** Declares a body larger than the limit and reads the answer without sending the body, as a hostile client would. */
    private static int statusForDeclaredLength(long contentLength) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            String request = "POST /api/songs HTTP/1.1\r\nHost: localhost\r\nX-API-Key: " + Writers.KEY + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=xyz\r\nContent-Length: " + contentLength + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    private KafkaProbe probe() {
        return new KafkaProbe(infra.kafka().bootstrapServers());
    }

    private static Response upload(Path audio, String metadata) {
        return Writers.given().multiPart("audio", audio.toFile(), "application/octet-stream")
                .multiPart("metadata", metadata, "application/json; charset=UTF-8")
                .post("/api/songs");
    }
}
