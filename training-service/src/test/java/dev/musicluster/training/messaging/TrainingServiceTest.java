package dev.musicluster.training.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.musicluster.contracts.Topics;
import dev.musicluster.contracts.events.AudioFeaturesExtracted;
import dev.musicluster.contracts.events.DeadLetters;
import dev.musicluster.contracts.events.EventCodec;
import dev.musicluster.contracts.events.LatentEncoded;
import dev.musicluster.contracts.events.LyricsEmbedded;
import dev.musicluster.contracts.events.ModelTrained;
import dev.musicluster.contracts.events.SongIngested;
import dev.musicluster.contracts.events.SongSelection;
import dev.musicluster.contracts.events.TrainingProgress;
import dev.musicluster.contracts.events.TrainingRequested;
import dev.musicluster.contracts.storage.ObjectKeys;
import dev.musicluster.contracts.tensor.NpyArray;
import dev.musicluster.contracts.tensor.NpyFormat;
import dev.musicluster.infra.KafkaProbe;
import dev.musicluster.infra.LocalInfra;
import dev.musicluster.infra.LocalInfraTestResource;
import dev.musicluster.training.app.ModelRepository;
import dev.musicluster.training.app.StoredModel;
import dev.musicluster.training.domain.SyntheticSongs;
import dev.musicluster.training.domain.data.TrainingSet;
import dev.musicluster.training.domain.model.HyperParameters;
import dev.musicluster.training.domain.model.ModelKind;
import dev.musicluster.training.domain.model.ModelSpec;
import dev.musicluster.training.domain.network.NetworkShape;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Songs' features and lyrics on the real broker, spectrograms in the real S3, a real DJL training: progress,
 * checkpoints, latents for every song, a new song encoded online, and a bad request dead-lettered.
 */
@QuarkusTest
@WithTestResource(LocalInfraTestResource.class)
class TrainingServiceTest {

    private static final int SONGS = 30;
    private static final int FRAMES = 48;

    LocalInfra infra;

    @Inject
    ModelRepository models;

    @Inject
    ObjectMapper json;

    @Test
    void aTrainingRequestProducesProgressCheckpointsAndLatentsAndNewSongsAreEncodedOnline() throws Exception {
        KafkaProbe probe = new KafkaProbe(infra.kafka().bootstrapServers());
        TrainingSet songs = SyntheticSongs.generate(SONGS + 2, FRAMES, 5);
        for (int i = 0; i < SONGS; i++) {
            publishSong(probe, songs, i);
        }
        TrainingRequested request = new TrainingRequested(TrainingRequested.SCHEMA_VERSION, "run-t1", List.of("hybrid-vae", "vae"),
                Map.of("epochs", "3", "batch", "8", "latent", "6", "mel-frames", "32", "hybrid-audio", "log-mel"), List.of("kmeans"), "3",
                Instant.now());
        probe.send(Topics.TRAINING_REQUESTS.name(), request.key(), EventCodec.toJson(request), Map.of());

        List<TrainingProgress> progress = probe.collect(Topics.TRAINING_PROGRESS.name(), r -> "run-t1".equals(r.key()), 6,
                Duration.ofSeconds(120)).stream().map(r -> EventCodec.fromJson(r.value(), TrainingProgress.class)).toList();
        assertThat(progress).hasSize(6);
        assertThat(progress).extracting(TrainingProgress::model).containsExactly("hybrid-vae", "hybrid-vae", "hybrid-vae", "vae", "vae", "vae");
        assertThat(progress).allSatisfy(p -> assertThat(p.loss()).isFinite().isPositive());

        List<ModelTrained> trained = probe.collect(Topics.MODELS_TRAINED.name(), r -> r.key().startsWith("run-t1/"), 2,
                Duration.ofSeconds(60)).stream().map(r -> EventCodec.fromJson(r.value(), ModelTrained.class)).toList();
        assertThat(trained).extracting(ModelTrained::model).containsExactly("hybrid-vae", "vae");
        assertThat(trained).extracting(ModelTrained::primary).containsExactly(true, false);
        ModelTrained hybrid = trained.get(0);
        assertThat(hybrid.songCount()).isEqualTo(SONGS);
        // Its log-mel input is sampled above 20 songs here (the test profile): trained on 20, every song encoded in the
        // pass after the run's other models trained, with the progress saying so; announced first all the same.
        assertThat(hybrid.provenance().get("data.trained-on")).startsWith("a sample of 20 of the 30 songs");
        TrainingProgress encodedAll = EventCodec.fromJson(probe.await(Topics.TRAINING_PROGRESS.name(),
                r -> "run-t1".equals(r.key()) && r.value().contains("\"encoded\":" + SONGS), Duration.ofSeconds(10)).value(), TrainingProgress.class);
        assertThat(encodedAll.model()).isEqualTo("hybrid-vae");
        assertThat(encodedAll.toEncode()).isEqualTo(SONGS);
        assertThat(encodedAll.epoch()).as("the last epoch's, repeated").isEqualTo(3);
        assertThat(hybrid.provenance()).containsEntry("device", "cpu()").containsEntry("seed", "42")
                .containsEntry("config.epochs", "3").containsKey("data.sha256").containsKey("library.pytorch");
        NpyArray latents = NpyFormat.fromBytes(infra.s3().get(hybrid.latentsKey()));
        assertThat(latents.shape()).containsExactly(SONGS, 6);
        assertThat(new String(infra.s3().get(hybrid.idsKey()), StandardCharsets.UTF_8).lines()).hasSize(SONGS).contains("song-0");
        assertThat(infra.s3().get(hybrid.checkpointKey()).length).isGreaterThan(10_000);
        assertThat(new String(infra.s3().get(ObjectKeys.model("run-t1", "hybrid-vae", "config.json")), StandardCharsets.UTF_8)).contains("\"HYBRID_VAE\"");
        assertThat(infra.s3().get(ObjectKeys.model("run-t1", "hybrid-vae", "normalisation.json"))).isNotEmpty();
        NpyArray reconstructions = NpyFormat.fromBytes(infra.s3().get(ObjectKeys.model("run-t1", "hybrid-vae", "reconstructions.npy")));
        assertThat(reconstructions.shape()).containsExactly(4, 2, SyntheticSongs.MELS, 32);
        List<String> history = new String(infra.s3().get(ObjectKeys.model("run-t1", "hybrid-vae", "history.csv")),
                StandardCharsets.UTF_8).lines().toList();
        assertThat(history).hasSize(4).first().isEqualTo("epoch,loss,reconstruction,kl,seconds");
        assertThat(history.get(3)).startsWith("3,");

        // Every song's latent under the primary model, equal to the row stored in latents/.
        Set<String> encoded = probe.collect(Topics.LATENTS.name(), r -> r.value().contains("\"run-t1\""), SONGS, Duration.ofSeconds(60))
                .stream().map(ConsumerRecord::key).collect(Collectors.toSet());
        assertThat(encoded).hasSize(SONGS);

        // A song arriving after training is encoded with the active model within seconds.
        long start = System.nanoTime();
        publishSong(probe, songs, SONGS);
        LatentEncoded online = EventCodec.fromJson(probe.await(Topics.LATENTS.name(), r -> ("song-" + SONGS).equals(r.key()),
                Duration.ofSeconds(30)).value(), LatentEncoded.class);
        assertThat(online.runId()).isEqualTo("run-t1");
        assertThat(online.model()).isEqualTo("hybrid-vae");
        assertThat(online.latent()).hasSize(6);
        assertThat((System.nanoTime() - start) / 1e9).as("seconds from features to latent").isLessThan(30);

        // A run whose models read the spectrogram two ways (the contrastive model per minute, conv-vae's window as an
        // image), both trained on a sample and encoding every song in one pass, and one that reads none; the run's
        // k = 3 becomes vade's mixture of 3.
        TrainingRequested contrastive = new TrainingRequested(TrainingRequested.SCHEMA_VERSION, "run-t2", List.of("contrastive", "conv-vae", "vade"),
                Map.of("epochs", "2", "batch", "8", "latent", "6", "mel-frames", "32", "song-frames", "48", "crop-frames", "16",
                        "crop-pairs", "2"), List.of("kmeans"), "3", Instant.now());
        probe.send(Topics.TRAINING_REQUESTS.name(), contrastive.key(), EventCodec.toJson(contrastive), Map.of());
        List<ModelTrained> second = probe.collect(Topics.MODELS_TRAINED.name(), r -> r.key().startsWith("run-t2/"), 3,
                Duration.ofSeconds(120)).stream().map(r -> EventCodec.fromJson(r.value(), ModelTrained.class)).toList();
        assertThat(second).extracting(ModelTrained::model).containsExactly("contrastive", "conv-vae", "vade");
        assertThat(second.get(2).provenance()).containsEntry("config.components", "3");
        assertThat(NpyFormat.fromBytes(infra.s3().get(second.get(2).latentsKey())).shape()).containsExactly(SONGS + 1, 6);
        assertThat(second.get(0).provenance()).containsEntry("config.song-frames", "48").containsEntry("config.crop-frames", "16");
        assertThat(NpyFormat.fromBytes(infra.s3().get(second.get(0).latentsKey())).shape()).containsExactly(SONGS + 1, 6);
        assertThat(NpyFormat.fromBytes(infra.s3().get(second.get(1).latentsKey())).shape()).containsExactly(SONGS + 1, 6);
        assertThat(second.get(1).provenance().get("data.trained-on")).startsWith("a sample of 20 of the 31 songs");
        assertThat(NpyFormat.fromBytes(infra.s3().get(ObjectKeys.model("run-t2", "conv-vae", "reconstructions.npy"))).shape())
                .containsExactly(4, 2, SyntheticSongs.MELS, 32);
        assertThatThrownBy(() -> infra.s3().get(ObjectKeys.model("run-t2", "contrastive", "reconstructions.npy")))
                .as("the contrastive model has no decoder, hence no reconstructions").isInstanceOf(java.io.IOException.class);
        Set<String> reencoded = probe.collect(Topics.LATENTS.name(), r -> r.value().contains("\"run-t2\""), SONGS + 1, Duration.ofSeconds(60))
                .stream().map(ConsumerRecord::key).collect(Collectors.toSet());
        assertThat(reencoded).as("every song under the new active model").hasSize(SONGS + 1);

        // A run whose first (primary) model fails on purpose (a KL weight of 1e300 overflows to infinity): it is
        // reported with its reason, the next model trains, becomes primary and encodes every song.
        TrainingRequested failing = new TrainingRequested(TrainingRequested.SCHEMA_VERSION, "run-t3", List.of("beta-vae", "vae"),
                Map.of("epochs", "2", "batch", "8", "latent", "6", "beta", "1e300", "beta-base", "vae"), List.of("kmeans"), "3", Instant.now());
        probe.send(Topics.TRAINING_REQUESTS.name(), failing.key(), EventCodec.toJson(failing), Map.of());
        TrainingProgress failed = EventCodec.fromJson(probe.await(Topics.TRAINING_PROGRESS.name(),
                r -> r.value().contains("\"run-t3\"") && r.value().contains("\"beta-vae\"") && !r.value().contains("\"failure\":null"),
                Duration.ofSeconds(60)).value(), TrainingProgress.class);
        assertThat(failed.failed()).isTrue();
        assertThat(failed.failure()).contains("beta-vae diverged in epoch 1");
        assertThat(failed.epoch()).isEqualTo(1);
        ModelTrained survivor = EventCodec.fromJson(probe.await(Topics.MODELS_TRAINED.name(), r -> r.key().startsWith("run-t3/"),
                Duration.ofSeconds(60)).value(), ModelTrained.class);
        assertThat(survivor.model()).isEqualTo("vae");
        assertThat(survivor.primary()).as("the first model that trained is primary").isTrue();
        Set<String> underSurvivor = probe.collect(Topics.LATENTS.name(), r -> r.value().contains("\"run-t3\""), SONGS + 1,
                Duration.ofSeconds(60)).stream().map(ConsumerRecord::key).collect(Collectors.toSet());
        assertThat(underSurvivor).as("every song under the surviving model, now the active one").hasSize(SONGS + 1);

        // A run whose every model fails is a failed run: dead-lettered with each model's reason.
        TrainingRequested hopeless = new TrainingRequested(TrainingRequested.SCHEMA_VERSION, "run-t4", List.of("beta-vae"),
                Map.of("epochs", "2", "batch", "8", "beta", "1e300", "beta-base", "vae"), List.of(), null, Instant.now());
        probe.send(Topics.TRAINING_REQUESTS.name(), hopeless.key(), EventCodec.toJson(hopeless), Map.of());
        ConsumerRecord<String, String> dead = probe.await(Topics.DLQ_TRAINING_SERVICE.name(), r -> "run-t4".equals(r.key()),
                Duration.ofSeconds(60));
        assertThat(KafkaProbe.header(dead, DeadLetters.REASON)).contains("every model failed").contains("beta-vae diverged in epoch 1");

        // musicnn's representation as the primary model: not trained, standardised on the run's songs, 400 wide; ae
        // beside it on the summary vector by request. Every song has musicnn here, so vector=auto would be musicnn.
        TrainingRequested pretrained = new TrainingRequested(TrainingRequested.SCHEMA_VERSION, "run-t5", List.of("musicnn", "ae"),
                Map.of("epochs", "2", "batch", "8", "latent", "6", "vector", "summary"), List.of("kmeans"), "3", Instant.now());
        probe.send(Topics.TRAINING_REQUESTS.name(), pretrained.key(), EventCodec.toJson(pretrained), Map.of());
        List<ModelTrained> fifth = probe.collect(Topics.MODELS_TRAINED.name(), r -> r.key().startsWith("run-t5/"), 2,
                Duration.ofSeconds(60)).stream().map(r -> EventCodec.fromJson(r.value(), ModelTrained.class)).toList();
        assertThat(fifth).extracting(ModelTrained::model).containsExactly("musicnn", "ae");
        assertThat(fifth.get(0).primary()).isTrue();
        assertThat(fifth.get(0).latentDim()).isEqualTo(400);
        assertThat(fifth.get(0).provenance()).containsEntry("input.vector", "musicnn").containsKey("training")
                .containsKey("features.extractor");
        assertThat(fifth.get(0).provenance().get("features.musicnn")).matches(
                "musicnn MSD test, MTT test, (bfloat16|float32) \\(\\d+ songs\\); musicnn MSD test, MTT test, (bfloat16|float32) \\(\\d+ songs\\)");
        assertThat(fifth.get(1).provenance()).containsEntry("input.vector", "summary");
        NpyArray standardised = NpyFormat.fromBytes(infra.s3().get(fifth.get(0).latentsKey()));
        assertThat(standardised.shape()).containsExactly(SONGS + 1, 400);
        for (int column : new int[] {0, 137, 399}) {
            double sum = 0;
            double squares = 0;
            for (int row = 0; row <= SONGS; row++) {
                float v = standardised.data()[row * 400 + column];
                sum += v;
                squares += v * v;
            }
            assertThat(sum / (SONGS + 1)).as("column mean").isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-4));
            assertThat(squares / (SONGS + 1)).as("column variance").isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.05));
        }
        Set<String> underMusicnn = probe.collect(Topics.LATENTS.name(), r -> r.value().contains("\"run-t5\""), SONGS + 1,
                Duration.ofSeconds(60)).stream().map(ConsumerRecord::key).collect(Collectors.toSet());
        assertThat(underMusicnn).as("every song under musicnn, now the active model").hasSize(SONGS + 1);

        // A song whose features have no musicnn part (made with musicnn off): a run that needs it is refused, saying why.
        publishSong(probe, songs, SONGS + 1, false);
        TrainingRequested lacking = new TrainingRequested(TrainingRequested.SCHEMA_VERSION, "run-t6", List.of("musicnn"),
                Map.of(), List.of(), null, Instant.now());
        probe.send(Topics.TRAINING_REQUESTS.name(), lacking.key(), EventCodec.toJson(lacking), Map.of());
        ConsumerRecord<String, String> refused = probe.await(Topics.DLQ_TRAINING_SERVICE.name(), r -> "run-t6".equals(r.key()),
                Duration.ofSeconds(60));
        assertThat(KafkaProbe.header(refused, DeadLetters.REASON)).contains("1 of the " + (SONGS + 2) + " songs have none");

        // The user's selection: songs whose language label is Korean (any case) are left out, and the run says so.
        long korean = songs.conditions().stream().limit(SONGS + 2).filter("ko"::equals).count();
        TrainingRequested selective = new TrainingRequested(TrainingRequested.SCHEMA_VERSION, "run-t7", List.of("vae"),
                Map.of("epochs", "2", "batch", "8", "latent", "6"), List.of("kmeans"), "2", Instant.now(),
                new SongSelection(Map.of("language", List.of("KO")), null, null));
        probe.send(Topics.TRAINING_REQUESTS.name(), selective.key(), EventCodec.toJson(selective), Map.of());
        ModelTrained selected = EventCodec.fromJson(probe.await(Topics.MODELS_TRAINED.name(), r -> r.key().startsWith("run-t7/"),
                Duration.ofSeconds(60)).value(), ModelTrained.class);
        assertThat(korean).isPositive();
        assertThat(selected.provenance()).containsEntry("selection.exclude.language", "ko")
                .containsEntry("data.songs", Long.toString(SONGS + 2 - korean)).containsEntry("data.songs-excluded", Long.toString(korean));
        assertThat(NpyFormat.fromBytes(infra.s3().get(selected.latentsKey())).shape()[0]).isEqualTo((int) (SONGS + 2 - korean));
        // A selection that leaves fewer than two songs is refused with the counts.
        TrainingRequested empty = new TrainingRequested(TrainingRequested.SCHEMA_VERSION, "run-t8", List.of("vae"), Map.of(), List.of(),
                null, Instant.now(), new SongSelection(Map.of(), 60.0, null));
        probe.send(Topics.TRAINING_REQUESTS.name(), empty.key(), EventCodec.toJson(empty), Map.of());
        assertThat(KafkaProbe.header(probe.await(Topics.DLQ_TRAINING_SERVICE.name(), r -> "run-t8".equals(r.key()), Duration.ofSeconds(60)),
                DeadLetters.REASON)).contains("found 0 of " + (SONGS + 2) + " left by the selection {selection.min-seconds=60.0}");
    }

    @Test
    void aModelStoredBeforeTheNewerHyperParametersExistedStillLoadsWithTheirDefaults() throws Exception {
        HyperParameters hp = HyperParameters.of(Map.of("latent", "6", "condition", "genre"));
        ModelSpec spec = ModelSpec.of(ModelKind.VAE, hp);
        ObjectNode config = json.valueToTree(new StoredModel("run-old", "vae", new NetworkShape(spec, 24, 0, 0, 0, 0), hp, Map.of()));
        ((ObjectNode) config.get("hyperParameters")).remove(List.of("songFrames", "cropFrames", "cropPairs", "temperature", "components"));
        ((ObjectNode) config.get("shape").get("spec")).remove("components");
        infra.s3().put(ObjectKeys.model("run-old", "vae", "config.json"), json.writeValueAsBytes(config));
        StoredModel restored = models.config("run-old", "vae");
        assertThat(restored.hyperParameters().condition()).as("what the model stored").isEqualTo("genre");
        assertThat(restored.hyperParameters().latent()).isEqualTo(6);
        assertThat(restored.hyperParameters().songFrames()).as("what it could not store").isEqualTo(HyperParameters.DEFAULTS.songFrames());
        assertThat(restored.hyperParameters().temperature()).isEqualTo(HyperParameters.DEFAULTS.temperature());
        assertThat(restored.hyperParameters().components()).isEqualTo(HyperParameters.DEFAULTS.components());
        assertThat(restored.shape().spec().mixturePrior()).as("a model stored before vade has the standard normal prior").isFalse();
    }

    @Test
    void aRequestNamingAnUnknownModelIsDeadLetteredWithItsReason() {
        KafkaProbe probe = new KafkaProbe(infra.kafka().bootstrapServers());
        TrainingRequested request = new TrainingRequested(TrainingRequested.SCHEMA_VERSION, "run-bad", List.of("gan"), Map.of(),
                List.of(), null, Instant.now());
        probe.send(Topics.TRAINING_REQUESTS.name(), request.key(), EventCodec.toJson(request), Map.of());
        ConsumerRecord<String, String> dead = probe.await(Topics.DLQ_TRAINING_SERVICE.name(), r -> "run-bad".equals(r.key()),
                Duration.ofSeconds(60));
        assertThat(KafkaProbe.header(dead, DeadLetters.REASON)).contains("unknown model 'gan'");
    }

    private void publishSong(KafkaProbe probe, TrainingSet songs, int row) throws Exception {
        publishSong(probe, songs, row, true);
    }

    /** musicnn's part made from the summary, so it carries the songs' structure (a stand-in for the feature service's). */
    private static AudioFeaturesExtracted.Musicnn musicnn(float[] summary, int row) {
        float[] embedding = new float[400];
        for (int j = 0; j < embedding.length; j++) {
            embedding[j] = summary[j % summary.length] * (1 + j / 400f) + 0.01f * (float) Math.sin(row * 7.0 + j);
        }
        float[] tags = new float[100];
        Arrays.fill(tags, 0.5f);
        // Songs analysed on machines of both kinds: the run's provenance counts each precision.
        return new AudioFeaturesExtracted.Musicnn(embedding, tags, 10, "features/x/musicnn.npy",
                "musicnn MSD test, MTT test, " + (row % 2 == 0 ? "bfloat16" : "float32"));
    }

    private void publishSong(KafkaProbe probe, TrainingSet songs, int row, boolean withMusicnn) throws Exception {
        String id = songs.ids().get(row);
        infra.s3().put(ObjectKeys.logMel(id), NpyFormat.toBytes(new NpyArray(new int[] {songs.mels(), songs.frames()}, songs.logMelOf(row))));
        float[] summary = Arrays.copyOfRange(songs.summary(), row * songs.summaryWidth(), (row + 1) * songs.summaryWidth());
        SongIngested song = new SongIngested(SongIngested.SCHEMA_VERSION, id, id, null, ObjectKeys.rawAudio(id, "wav"), "wav", 1,
                "00" + row, null, null, Map.of("language", songs.conditions().get(row)), id, Instant.now());
        probe.send(Topics.SONGS_INGESTED.name(), id, EventCodec.toJson(song), Map.of());
        boolean hasLyrics = songs.lyricsMask()[row] > 0;
        LyricsEmbedded lyrics = new LyricsEmbedded(LyricsEmbedded.SCHEMA_VERSION, id, id, hasLyrics,
                hasLyrics ? Arrays.copyOfRange(songs.lyrics(), row * songs.lyricsWidth(), (row + 1) * songs.lyricsWidth()) : null,
                hasLyrics ? songs.lyricsWidth() : 0, "test", "1", hasLyrics ? songs.conditions().get(row) : null, 1.0, Map.of(), 10,
                false, Instant.now());
        probe.send(Topics.LYRICS_EMBEDDINGS.name(), id, EventCodec.toJson(lyrics), Map.of());
        AudioFeaturesExtracted features = new AudioFeaturesExtracted(AudioFeaturesExtracted.SCHEMA_VERSION, id, id, "00" + row, 22050,
                songs.frames(), 30.0, ObjectKeys.logMel(id), ObjectKeys.mfcc(id),
                java.util.stream.IntStream.range(0, songs.summaryWidth()).mapToObj(i -> "f" + i).toList(), summary, "test-1", Instant.now(),
                withMusicnn ? musicnn(summary, row) : null);
        probe.send(Topics.AUDIO_FEATURES.name(), id, EventCodec.toJson(features), Map.of());
    }
}
