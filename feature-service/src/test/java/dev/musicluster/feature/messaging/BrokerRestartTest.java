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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The Kafka broker restarted while songs stream through the feature service: every song still gets its features,
 * none is dead-lettered. Redelivery may publish a song's features twice (at-least-once); the topic is compacted by
 * song, so its readers see one. The counts and the recovery time are printed for docs/reliability.md.
 */
@QuarkusTest
@WithTestResource(LocalInfraTestResource.class)
class BrokerRestartTest {

    private static final int SONGS = 80;

    LocalInfra infra;

    @Test
    void everySongGetsItsFeaturesAcrossABrokerRestart() throws Exception {
        byte[] audio = Files.readAllBytes(AudioFixtures.song(Files.createTempDirectory("broker-restart"), 4.0));
        for (int i = 0; i < SONGS; i++) {
            infra.s3().put(ObjectKeys.rawAudio("restart-" + i, "wav"), audio);
        }
        // The songs arrive one by one for about 10 s; the broker restarts 3 s in, producers and consumers alike wait.
        Thread stream = new Thread(() -> {
            KafkaProbe probe = new KafkaProbe(infra.kafka().bootstrapServers());
            for (int i = 0; i < SONGS; i++) {
                String id = "restart-" + i;
                SongIngested song = new SongIngested(SongIngested.SCHEMA_VERSION, id, id, null, ObjectKeys.rawAudio(id, "wav"), "wav",
                        audio.length, SongId.sha256Hex(audio), null, null, Map.of(), id, Instant.now());
                probe.send(Topics.SONGS_INGESTED.name(), id, EventCodec.toJson(song), Map.of());
                sleep(100);
            }
        });
        stream.start();
        sleep(3000);

        long stoppingAt = System.currentTimeMillis();
        long stopping = System.nanoTime();
        infra.kafka().restart();
        long back = System.nanoTime();
        long backAt = System.currentTimeMillis();
        stream.join(Duration.ofSeconds(120).toMillis());
        assertThat(stream.isAlive()).as("every song published").isFalse();
        List<ConsumerRecord<String, String>> features = new KafkaProbe(infra.kafka().bootstrapServers())
                .collect(Topics.AUDIO_FEATURES.name(), r -> r.key().startsWith("restart-"), SONGS, Duration.ofSeconds(120));
        Set<String> songs = features.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
        long done = System.nanoTime();
        // collect stops at SONGS records; read on briefly to count any redelivered duplicates.
        int records = new KafkaProbe(infra.kafka().bootstrapServers())
                .collect(Topics.AUDIO_FEATURES.name(), r -> r.key().startsWith("restart-"), 2 * SONGS, Duration.ofSeconds(5)).size();
        long before = features.stream().filter(r -> r.timestamp() < stoppingAt).count();
        long firstAfter = features.stream().mapToLong(ConsumerRecord::timestamp).filter(t -> t >= backAt).min().orElse(backAt) - backAt;
        System.out.printf("broker restart: %.1f s down, %d of %d songs done before it; the first features %.1f s after it was back, "
                + "all %d %.1f s after; %d records for %d songs%n", (back - stopping) / 1e9, before, SONGS, firstAfter / 1e3, songs.size(),
                (done - back) / 1e9, records, SONGS);
        assertThat(before).as("the restart came mid-stream").isLessThan(SONGS);
        assertThat(songs).as("every song, whatever the restart interrupted").hasSize(SONGS);
        assertThat(new KafkaProbe(infra.kafka().bootstrapServers()).collect(Topics.DLQ_FEATURE_SERVICE.name(),
                r -> r.key() != null && r.key().startsWith("restart-"), 1, Duration.ofSeconds(5))).isEmpty();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
