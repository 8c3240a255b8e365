package dev.musicluster.embedding.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicluster.contracts.Topics;
import dev.musicluster.contracts.events.EventCodec;
import dev.musicluster.contracts.events.LyricsEmbedded;
import dev.musicluster.contracts.events.SongIngested;
import dev.musicluster.contracts.storage.ObjectKeys;
import dev.musicluster.infra.KafkaProbe;
import dev.musicluster.infra.LocalInfra;
import dev.musicluster.infra.LocalInfraTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The service with the transformer embedder (the real MiniLM from its Maven artifact), on the real broker. */
@QuarkusTest
@TestProfile(OnnxEmbeddingServiceTest.Onnx.class)
@WithTestResource(LocalInfraTestResource.class)
class OnnxEmbeddingServiceTest {

    public static class Onnx implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("musicluster.embedding.embedder", "onnx");
        }
    }

    LocalInfra infra;

    @Test
    void englishLyricsBecomeMiniLmVectors() {
        KafkaProbe probe = new KafkaProbe(infra.kafka().bootstrapServers());
        SongIngested song = new SongIngested(SongIngested.SCHEMA_VERSION, "tyger", "The Tyger", null,
                ObjectKeys.rawAudio("tyger", "wav"), "wav", 1, "00", "Tyger Tyger, burning bright, In the forests of the night",
                null, Map.of(), "r", Instant.now());
        probe.send(Topics.SONGS_INGESTED.name(), "tyger", EventCodec.toJson(song), Map.of());

        LyricsEmbedded event = EventCodec.fromJson(probe.await(Topics.LYRICS_EMBEDDINGS.name(), r -> "tyger".equals(r.key()),
                Duration.ofSeconds(60)).value(), LyricsEmbedded.class);
        assertThat(event.embedderId()).isEqualTo("all-minilm-l6-v2");
        assertThat(event.vector()).hasSize(384);
        assertThat(event.language()).isEqualTo("en");
        assertThat(event.tokenCount()).isBetween(10, 20);
    }
}
