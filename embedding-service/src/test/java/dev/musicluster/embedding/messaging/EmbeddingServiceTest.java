package dev.musicluster.embedding.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.musicluster.contracts.Topics;
import dev.musicluster.contracts.events.DeadLetters;
import dev.musicluster.contracts.events.EventCodec;
import dev.musicluster.contracts.events.LyricsEmbedded;
import dev.musicluster.contracts.events.SongIngested;
import dev.musicluster.contracts.storage.ObjectKeys;
import dev.musicluster.contracts.vector.Cosine;
import dev.musicluster.demo.PublicDomainLyrics;
import dev.musicluster.infra.KafkaProbe;
import dev.musicluster.infra.LocalInfra;
import dev.musicluster.infra.LocalInfraTestResource;
import io.minio.PutObjectArgs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The service on the real broker and S3 server: every demo language, audio-only songs, long and broken lyrics. */
@QuarkusTest
@WithTestResource(LocalInfraTestResource.class)
class EmbeddingServiceTest {

    LocalInfra infra;

    @Test
    void lyricsBecomeVectorsWithTheirLanguageAndBadTextBecomesDeadLetters() throws Exception {
        KafkaProbe probe = new KafkaProbe(infra.kafka().bootstrapServers());
        for (String language : PublicDomainLyrics.LANGUAGES) {
            send(probe, "song-" + language, PublicDomainLyrics.passages(language).get(0), null);
        }
        send(probe, "audio-only", null, null);
        send(probe, "blank-lyrics", " \n\t ", null);
        putObject(ObjectKeys.rawLyrics("long-lyrics"), "Twinkle, twinkle, little star. ".repeat(2000).getBytes(StandardCharsets.UTF_8));
        send(probe, "long-lyrics", null, ObjectKeys.rawLyrics("long-lyrics"));
        putObject(ObjectKeys.rawLyrics("latin1-lyrics"), "Canción de otoño".getBytes(StandardCharsets.ISO_8859_1));
        send(probe, "bad-latin1-lyrics", null, ObjectKeys.rawLyrics("latin1-lyrics"));
        // A JSON escape of a lone surrogate is valid JSON and decodes to broken text.
        SongIngested surrogate = new SongIngested(SongIngested.SCHEMA_VERSION, "bad-lone-surrogate", "x", null,
                ObjectKeys.rawAudio("bad-lone-surrogate", "wav"), "wav", 1, "00", "broken SURROGATE text", null, Map.of(), "r", Instant.now());
        probe.send(Topics.SONGS_INGESTED.name(), "bad-lone-surrogate", EventCodec.toJson(surrogate).replace("SURROGATE", "\\ud800"), Map.of());
        send(probe, "bad-missing-object", null, ObjectKeys.rawLyrics("nowhere"));
        probe.send(Topics.SONGS_INGESTED.name(), "bad-malformed", "{\"schemaVersion\":1,", Map.of());
        SongIngested future = new SongIngested(SongIngested.SCHEMA_VERSION, "bad-future-version", "x", null,
                ObjectKeys.rawAudio("bad-future-version", "wav"), "wav", 1, "00", "hello", null, Map.of(), "r", Instant.now());
        probe.send(Topics.SONGS_INGESTED.name(), "bad-future-version", EventCodec.toJson(future).replace("\"schemaVersion\":1",
                "\"schemaVersion\":99"), Map.of());

        List<ConsumerRecord<String, String>> done = probe.collect(Topics.LYRICS_EMBEDDINGS.name(), r -> !r.key().startsWith("redelivery-"), 9,
                Duration.ofSeconds(90));
        Map<String, LyricsEmbedded> events = new HashMap<>();
        done.forEach(record -> events.put(record.key(), EventCodec.fromJson(record.value(), LyricsEmbedded.class)));
        assertThat(events).containsOnlyKeys("song-bn", "song-en", "song-hi", "song-ko", "song-ja", "song-es", "audio-only",
                "blank-lyrics", "long-lyrics");
        for (String language : PublicDomainLyrics.LANGUAGES) {
            LyricsEmbedded event = events.get("song-" + language);
            assertThat(event.hasLyrics()).isTrue();
            assertThat(event.language()).isEqualTo(language);
            assertThat(event.vector()).hasSize(event.dimension()).hasSize(256 + 14);
            assertThat(event.tokenCount()).isPositive();
            assertThat(event.embedderId()).isEqualTo("char-ngram-tf");
            assertThat(event.embedderVersion()).isEqualTo("2");
        }
        assertThat(events.get("audio-only").hasLyrics()).isFalse();
        assertThat(events.get("audio-only").vector()).isNull();
        assertThat(events.get("blank-lyrics").hasLyrics()).isFalse();
        assertThat(events.get("long-lyrics").truncated()).isTrue();
        assertThat(events.get("long-lyrics").language()).isEqualTo("en");

        List<ConsumerRecord<String, String>> dead = probe.collect(Topics.DLQ_EMBEDDING_SERVICE.name(), r -> true, 5, Duration.ofSeconds(60));
        Map<String, String> reasons = new HashMap<>();
        dead.forEach(record -> reasons.put(record.key(), KafkaProbe.header(record, DeadLetters.REASON)));
        assertThat(reasons).containsOnlyKeys("bad-latin1-lyrics", "bad-lone-surrogate", "bad-missing-object", "bad-malformed",
                "bad-future-version");
        assertThat(reasons.get("bad-future-version")).contains("unsupported schema version 99");
        assertThat(reasons.get("bad-latin1-lyrics")).contains("not valid UTF-8");
        assertThat(reasons.get("bad-lone-surrogate")).contains("lone UTF-16 surrogate");
        assertThat(reasons.get("bad-missing-object")).contains("no such object");
        assertThat(reasons.get("bad-malformed")).contains("malformed JSON");

    }

    @Test
    void aRedeliveredSongIsNotEmbeddedTwice() {
        KafkaProbe probe = new KafkaProbe(infra.kafka().bootstrapServers());
        String lyrics = PublicDomainLyrics.passages("es").get(1);
        send(probe, "redelivery-twice", lyrics, null);
        probe.await(Topics.LYRICS_EMBEDDINGS.name(), r -> r.key().equals("redelivery-twice"), Duration.ofSeconds(60));
        send(probe, "redelivery-twice", lyrics, null);
        send(probe, "redelivery-after", lyrics, null);
        probe.await(Topics.LYRICS_EMBEDDINGS.name(), r -> r.key().equals("redelivery-after"), Duration.ofSeconds(60));

        List<ConsumerRecord<String, String>> twice = probe.collect(Topics.LYRICS_EMBEDDINGS.name(),
                r -> r.key().equals("redelivery-twice"), 2, Duration.ofSeconds(5));
        assertThat(twice).as("one vector for the song").hasSize(1);
        ConsumerRecord<String, String> after = probe.collect(Topics.LYRICS_EMBEDDINGS.name(), r -> r.key().equals("redelivery-after"), 1,
                Duration.ofSeconds(5)).get(0);
        assertThat(EventCodec.fromJson(after.value(), LyricsEmbedded.class).vector())
                .as("the same lyrics after other songs: a vector depends on its text alone, not on what came before it")
                .containsExactly(EventCodec.fromJson(twice.get(0).value(), LyricsEmbedded.class).vector());
    }

    @Test
    void aSearchTextIsEmbeddedInTheLyricsSpaceWithItsLanguage() {
        String spanish = PublicDomainLyrics.passages("es").get(0);
        String firstLine = spanish.lines().filter(l -> !l.isBlank()).findFirst().orElseThrow();
        float[] line = query(firstLine, "es");
        float[] passage = query(spanish, "es");
        float[] korean = query(PublicDomainLyrics.passages("ko").get(0), "ko");
        assertThat(line).hasSize(256 + 14);
        assertThat(Cosine.of(line, passage)).as("a line is nearer its own song than a song in another language")
                .isGreaterThan(Cosine.of(line, korean) + 0.2);
        given().contentType("application/json").body(Map.of("text", " \n ")).post("/api/embeddings").then().statusCode(400)
                .body("error", containsString("non-empty"));
        given().contentType("application/json").body(Map.of("text", "x".repeat(10_001))).post("/api/embeddings").then().statusCode(400)
                .body("error", containsString("at most 10000"));
        given().contentType("application/json").body("{\"text\":\"broken \\ud800 text\"}").post("/api/embeddings").then()
                .statusCode(400).body("error", containsString("surrogate"));
    }

    private static float[] query(String text, String language) {
        var answer = given().contentType("application/json").body(Map.of("text", text)).post("/api/embeddings").then().statusCode(200)
                .body("language", equalTo(language)).extract().jsonPath();
        List<Float> values = answer.getList("vector", Float.class);
        float[] vector = new float[values.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = values.get(i);
        }
        return vector;
    }

    private void send(KafkaProbe probe, String id, String lyrics, String lyricsKey) {
        SongIngested event = new SongIngested(SongIngested.SCHEMA_VERSION, id, id, null, ObjectKeys.rawAudio(id, "wav"), "wav",
                1, "00", lyrics, lyricsKey, Map.of(), id, Instant.now());
        probe.send(Topics.SONGS_INGESTED.name(), id, EventCodec.toJson(event), Map.of());
    }

    private void putObject(String key, byte[] bytes) throws Exception {
        infra.s3().client().putObject(PutObjectArgs.builder().bucket("musicluster").object(key)
                .stream(new ByteArrayInputStream(bytes), bytes.length, -1).build());
    }
}
