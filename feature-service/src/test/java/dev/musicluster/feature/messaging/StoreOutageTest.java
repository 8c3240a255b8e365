package dev.musicluster.feature.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicluster.contracts.SongId;
import dev.musicluster.contracts.Topics;
import dev.musicluster.contracts.events.EventCodec;
import dev.musicluster.contracts.events.SongIngested;
import dev.musicluster.contracts.storage.ObjectKeys;
import dev.musicluster.feature.decode.AudioFixtures;
import dev.musicluster.infra.KafkaProbe;
import dev.musicluster.infra.LocalInfra;
import dev.musicluster.infra.LocalInfraTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The object store down for 10 s while a song arrives: the service retries with back-off and the song gets its
 * features once the store is back, with no dead letter. The recovery time is printed for docs/reliability.md.
 */
@QuarkusTest
@WithTestResource(LocalInfraTestResource.class)
class StoreOutageTest {

    LocalInfra infra;

    @Test
    void aSongArrivingDuringAStoreOutageGetsItsFeaturesWhenTheStoreIsBack() throws Exception {
        Path dir = Files.createTempDirectory("store-outage");
        byte[] audio = Files.readAllBytes(AudioFixtures.song(dir, 2.0));
        String id = "during-outage";
        String key = ObjectKeys.rawAudio(id, "wav");
        infra.s3().put(key, audio);
        KafkaProbe probe = new KafkaProbe(infra.kafka().bootstrapServers());

        infra.s3().stop();
        long down = System.nanoTime();
        SongIngested song = new SongIngested(SongIngested.SCHEMA_VERSION, id, id, null, key, "wav", audio.length,
                SongId.sha256Hex(audio), null, null, Map.of(), id, Instant.now());
        probe.send(Topics.SONGS_INGESTED.name(), id, EventCodec.toJson(song), Map.of());
        Thread.sleep(Duration.ofSeconds(10).toMillis());
        infra.s3().restart();
        long back = System.nanoTime();

        probe.await(Topics.AUDIO_FEATURES.name(), r -> id.equals(r.key()), Duration.ofSeconds(60));
        long done = System.nanoTime();
        System.out.printf("store outage: %.1f s down, features %.1f s after the store was back (%.1f s after the song)%n",
                (back - down) / 1e9, (done - back) / 1e9, (done - down) / 1e9);
        assertThat(probe.collect(Topics.DLQ_FEATURE_SERVICE.name(), r -> id.equals(r.key()), 1, Duration.ofSeconds(5)))
                .as("no dead letter for a song delayed by an outage").isEmpty();
        assertThat(infra.s3().get(ObjectKeys.logMel(id)).length).isGreaterThan(1000);
    }
}
