package dev.musicluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicluster.contracts.SongId;
import dev.musicluster.contracts.Topics;
import dev.musicluster.contracts.events.EventCodec;
import dev.musicluster.contracts.events.SongIngested;
import dev.musicluster.contracts.storage.ObjectKeys;
import dev.musicluster.infra.KafkaProbe;
import dev.musicluster.infra.LocalInfra;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feature service killed with SIGKILL while songs stream in, then started again: every song still gets its
 * features (what was in flight is redelivered), none is dead-lettered. Real broker, real S3, the service as the
 * main job runs it. The counts and recovery time are printed for docs/reliability.md.
 */
class ServiceKillTest {

    private static final int SONGS = 60;

    @TempDir
    Path dir;

    @Test
    void everySongGetsItsFeaturesWhenTheServiceIsKilledMidStream() throws Exception {
        Path home = Path.of(System.getProperty("user.dir")).getParent();
        Path logs = dir.resolve("logs");
        try (LocalInfra infra = LocalInfra.start(dir.resolve("infra"));
             LocalServices services = LocalServices.start(home, infra, logs, List.of("feature-service"))) {
            byte[] audio = tone(4.0);
            for (int i = 0; i < SONGS; i++) {
                infra.s3().put(ObjectKeys.rawAudio("kill-" + i, "wav"), audio);
            }
            Thread stream = new Thread(() -> {
                KafkaProbe probe = new KafkaProbe(infra.kafka().bootstrapServers());
                for (int i = 0; i < SONGS; i++) {
                    String id = "kill-" + i;
                    probe.send(Topics.SONGS_INGESTED.name(), id, EventCodec.toJson(new SongIngested(SongIngested.SCHEMA_VERSION, id, id,
                            null, ObjectKeys.rawAudio(id, "wav"), "wav", audio.length, SongId.sha256Hex(audio), null, null, Map.of(), id,
                            Instant.now())), Map.of());
                    pause(100);
                }
            });
            stream.start();
            pause(3000);
            long killedAt = System.currentTimeMillis();
            long killing = System.nanoTime();
            services.killAndRestart("feature-service", home, infra, logs);
            long readyAt = System.currentTimeMillis();
            long ready = System.nanoTime();
            stream.join(Duration.ofSeconds(60).toMillis());

            KafkaProbe probe = new KafkaProbe(infra.kafka().bootstrapServers());
            long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
            List<ConsumerRecord<String, String>> features;
            Set<String> songs;
            do {
                // Everything there is so far (duplicates included: what was in flight at the kill is redelivered).
                features = probe.collect(Topics.AUDIO_FEATURES.name(), r -> true, 10 * SONGS, Duration.ofSeconds(5));
                songs = features.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
            } while (songs.size() < SONGS && System.nanoTime() < deadline);
            long before = features.stream().filter(r -> r.timestamp() < killedAt).count();
            long lastAt = features.stream().mapToLong(ConsumerRecord::timestamp).max().orElse(readyAt);
            long firstAfter = features.stream().mapToLong(ConsumerRecord::timestamp).filter(t -> t >= readyAt).min().orElse(readyAt);
            System.out.printf("service kill: restarted and ready in %.1f s; %d of %d songs done before the kill; first features %.1f s "
                    + "after ready, the last %.1f s after; %d records for %d songs%n", (ready - killing) / 1e9, before, SONGS,
                    (firstAfter - readyAt) / 1e3, (lastAt - readyAt) / 1e3, features.size(), songs.size());
            assertThat(before).as("the kill came mid-stream").isLessThan(SONGS);
            assertThat(songs).as("every song, whatever the kill interrupted").hasSize(SONGS);
            assertThat(probe.collect(Topics.DLQ_FEATURE_SERVICE.name(), r -> true, 1, Duration.ofSeconds(5))).isEmpty();
        }
    }

    /** A WAV of a 440 Hz tone with a little noise. */
    private static byte[] tone(double seconds) throws Exception {
        float rate = 22050;
        int frames = (int) (seconds * rate);
        byte[] pcm = new byte[frames * 2];
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < frames; i++) {
            short value = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate) + 500 * random.nextGaussian());
            pcm[2 * i] = (byte) value;
            pcm[2 * i + 1] = (byte) (value >> 8);
        }
        AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), format, frames), AudioFileFormat.Type.WAVE, out);
        return out.toByteArray();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
