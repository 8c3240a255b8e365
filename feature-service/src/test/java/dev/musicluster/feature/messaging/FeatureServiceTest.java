package dev.musicluster.feature.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicluster.contracts.SongId;
import dev.musicluster.contracts.Topics;
import dev.musicluster.contracts.events.AudioFeaturesExtracted;
import dev.musicluster.contracts.events.DeadLetters;
import dev.musicluster.contracts.events.EventCodec;
import dev.musicluster.contracts.events.SongIngested;
import dev.musicluster.contracts.storage.ObjectKeys;
import dev.musicluster.contracts.tensor.NpyArray;
import dev.musicluster.contracts.tensor.NpyFormat;
import dev.musicluster.contracts.vector.Cosine;
import dev.musicluster.feature.decode.AudioFixtures;
import dev.musicluster.infra.KafkaProbe;
import dev.musicluster.infra.LocalInfra;
import dev.musicluster.infra.LocalInfraTestResource;
import io.minio.GetObjectArgs;
import io.minio.PutObjectArgs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The service end to end on the real broker and S3 server: one song of each container becomes features; each
 * kind of bad audio becomes a dead letter with its reason; a good song after the bad ones still gets through; a
 * redelivered song is not extracted twice.
 */
@QuarkusTest
@WithTestResource(LocalInfraTestResource.class)
class FeatureServiceTest {

    LocalInfra infra;

    @Test
    void everyFormatBecomesFeaturesAndBadAudioBecomesDeadLetters() throws Exception {
        Path dir = Files.createTempDirectory("feature-service-test");
        Path wav = AudioFixtures.song(dir, 3.0);
        Map<String, Path> good = new LinkedHashMap<>();
        good.put("wav", wav);
        good.put("mp3", AudioFixtures.encode(wav, "s.mp3", "-c:a", "libmp3lame"));
        good.put("ogg", AudioFixtures.encode(wav, "s.ogg", "-c:a", "libvorbis"));
        good.put("flac", AudioFixtures.encode(wav, "s.flac", "-c:a", "flac"));
        good.put("m4a", AudioFixtures.encode(wav, "s.m4a", "-c:a", "aac"));
        good.put("aiff", AudioFixtures.encode(wav, "s.aiff", "-c:a", "pcm_s16be"));
        good.put("au", AudioFixtures.encode(wav, "s.au", "-c:a", "pcm_s16be"));

        Map<String, byte[]> bad = new LinkedHashMap<>();
        byte[] wavBytes = Files.readAllBytes(wav);
        bad.put("empty", new byte[0]);
        bad.put("truncated", Arrays.copyOf(wavBytes, 30));
        bad.put("not-audio", "%PDF-1.7 this is a document, not a song".repeat(10).getBytes());
        bad.put("silence", Files.readAllBytes(AudioFixtures.encode(wav, "silent.wav", "-af", "volume=0")));
        bad.put("too-short", Files.readAllBytes(AudioFixtures.encode(wav, "short.wav", "-t", "0.4")));
        bad.put("too-big", new byte[6_000_000]);

        for (Map.Entry<String, Path> entry : good.entrySet()) {
            publish("good-" + entry.getKey(), entry.getKey(), Files.readAllBytes(entry.getValue()));
        }
        Map<String, String> badContainers = Map.of("empty", "wav", "truncated", "wav", "not-audio", "mp3", "silence", "wav",
                "too-short", "wav", "too-big", "wav");
        for (Map.Entry<String, byte[]> entry : bad.entrySet()) {
            publish("bad-" + entry.getKey(), badContainers.get(entry.getKey()), entry.getValue());
        }
        publish("good-after-bad", "wav", wavBytes);
        publishMissingObject("bad-missing-object");

        KafkaProbe probe = new KafkaProbe(infra.kafka().bootstrapServers());
        List<ConsumerRecord<String, String>> done = probe.collect(Topics.AUDIO_FEATURES.name(), r -> r.key().startsWith("good-"),
                good.size() + 1, Duration.ofSeconds(120));
        assertThat(done).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(
                "good-wav", "good-mp3", "good-ogg", "good-flac", "good-m4a", "good-aiff", "good-au", "good-after-bad");
        Map<String, float[]> embeddings = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : done) {
            AudioFeaturesExtracted features = EventCodec.fromJson(record.value(), AudioFeaturesExtracted.class);
            assertThat(features.sampleRate()).isEqualTo(22_050);
            assertThat(features.frames()).as(record.key()).isBetween(128, 131);
            assertThat(features.summary()).hasSize(features.summaryNames().size());
            NpyArray logMel = read(features.logMelKey());
            NpyArray mfcc = read(features.mfccKey());
            assertThat(logMel.shape()).containsExactly(128, features.frames());
            assertThat(mfcc.shape()).containsExactly(20, features.frames());
            // 3 s at 16 kHz is 188 musicnn frames: one whole patch.
            AudioFeaturesExtracted.Musicnn musicnn = features.musicnn();
            assertThat(musicnn.patches()).as(record.key()).isEqualTo(1);
            assertThat(musicnn.embedding()).hasSize(400);
            assertThat(musicnn.tags()).hasSize(100);
            for (float v : musicnn.embedding()) {
                assertThat(Float.isFinite(v)).as(record.key() + " embedding finite").isTrue();
            }
            for (float p : musicnn.tags()) {
                assertThat(p).as(record.key() + " tag probability").isBetween(0f, 1f);
            }
            assertThat(read(musicnn.key()).shape()).containsExactly(1, 500);
            embeddings.put(record.key(), musicnn.embedding());
        }
        // FLAC and AIFF hold the same 16-bit samples: the same song, whatever the file; MP3 comes close.
        assertThat(Cosine.of(embeddings.get("good-flac"), embeddings.get("good-aiff"))).isGreaterThan(0.9999);
        assertThat(Cosine.of(embeddings.get("good-flac"), embeddings.get("good-mp3"))).isGreaterThan(0.95);

        List<ConsumerRecord<String, String>> dead = probe.collect(Topics.DLQ_FEATURE_SERVICE.name(), r -> r.key().startsWith("bad-"),
                bad.size() + 1, Duration.ofSeconds(60));
        Map<String, String> reasons = new LinkedHashMap<>();
        dead.forEach(record -> reasons.put(record.key(), KafkaProbe.header(record, DeadLetters.REASON)));
        assertThat(reasons).containsOnlyKeys("bad-empty", "bad-truncated", "bad-not-audio", "bad-silence", "bad-too-short",
                "bad-too-big", "bad-missing-object");
        assertThat(reasons.get("bad-empty")).contains("0 bytes");
        assertThat(reasons.get("bad-truncated")).contains("truncated");
        assertThat(reasons.get("bad-not-audio")).contains("decode");
        assertThat(reasons.get("bad-silence")).contains("silent");
        assertThat(reasons.get("bad-too-short")).contains("at least 1 s");
        assertThat(reasons.get("bad-too-big")).contains("over the 5.0 MB limit");
        assertThat(reasons.get("bad-missing-object")).contains("no such object");
    }

    @Test
    void aRedeliveredOrRetaggedSongIsNotExtractedTwiceButNewAudioIsAndARemovalLeavesNothing() throws Exception {
        byte[] wav = Files.readAllBytes(AudioFixtures.song(Files.createTempDirectory("redelivery"), 2.0));
        byte[] other = Files.readAllBytes(AudioFixtures.song(Files.createTempDirectory("redelivery"), 2.5));
        KafkaProbe probe = new KafkaProbe(infra.kafka().bootstrapServers());
        publish("redelivered", "wav", wav, "revision-1");
        probe.await(Topics.AUDIO_FEATURES.name(), r -> r.key().equals("redelivered"), Duration.ofSeconds(60));
        publish("redelivered", "wav", wav, "revision-1");
        // A retagged file: a new revision of the same audio, which is not analysed again.
        publish("redelivered", "wav", wav, "revision-retagged");
        publish("redelivered", "wav", other, "revision-new-audio");
        publish("after-redelivery", "wav", wav, "revision-1");
        probe.await(Topics.AUDIO_FEATURES.name(), r -> r.key().equals("after-redelivery"), Duration.ofSeconds(60));

        List<String> revisions = probe.collect(Topics.AUDIO_FEATURES.name(), r -> r.key().equals("redelivered"), 3, Duration.ofSeconds(5))
                .stream().map(r -> EventCodec.fromJson(r.value(), AudioFeaturesExtracted.class).songRevision()).toList();
        assertThat(revisions).containsExactly("revision-1", "revision-new-audio");

        // The song's tombstone: its tensors deleted and a tombstone of its own, twice over as at-least-once may deliver it.
        assertThat(objects("features/after-redelivery/")).isNotEmpty();
        probe.send(Topics.SONGS_INGESTED.name(), "after-redelivery", null, Map.of());
        probe.send(Topics.SONGS_INGESTED.name(), "after-redelivery", null, Map.of());
        probe.await(Topics.AUDIO_FEATURES.name(), r -> r.key().equals("after-redelivery") && r.value() == null, Duration.ofSeconds(60));
        assertThat(objects("features/after-redelivery/")).isEmpty();
    }

    private List<String> objects(String prefix) throws Exception {
        List<String> keys = new java.util.ArrayList<>();
        for (io.minio.Result<io.minio.messages.Item> item : infra.s3().client().listObjects(io.minio.ListObjectsArgs.builder()
                .bucket("musicluster").prefix(prefix).recursive(true).build())) {
            keys.add(item.get().objectName());
        }
        return keys;
    }


    private void publish(String id, String container, byte[] audio) throws Exception {
        publish(id, container, audio, SongId.sha256Hex(audio));
    }

    private void publish(String id, String container, byte[] audio, String revision) throws Exception {
        String key = ObjectKeys.rawAudio(id, container);
        infra.s3().client().putObject(PutObjectArgs.builder().bucket("musicluster").object(key)
                .stream(new ByteArrayInputStream(audio), audio.length, -1).build());
        send(id, key, container, audio.length, SongId.sha256Hex(audio), revision);
    }

    private void publishMissingObject(String id) {
        send(id, ObjectKeys.rawAudio(id, "wav"), "wav", 1000, "00", "00");
    }

    private void send(String id, String key, String container, long bytes, String sha, String revision) {
        SongIngested event = new SongIngested(SongIngested.SCHEMA_VERSION, id, id, null, key, container, bytes, sha, null,
                null, Map.of(), revision, Instant.now());
        new KafkaProbe(infra.kafka().bootstrapServers()).send(Topics.SONGS_INGESTED.name(), id, EventCodec.toJson(event), Map.of());
    }

    private NpyArray read(String key) throws Exception {
        try (InputStream in = infra.s3().client().getObject(GetObjectArgs.builder().bucket("musicluster").object(key).build())) {
            return NpyFormat.read(in);
        }
    }
}
