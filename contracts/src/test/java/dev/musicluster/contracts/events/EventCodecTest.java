package dev.musicluster.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    private static final Instant AT = Instant.parse("2026-11-22T10:15:30.123Z");

    static Stream<Event> everyEvent() {
        return Stream.of(
                new SongIngested(1, "song-1", "Title ও 한 日", "Artist", "raw/song-1/audio.wav", "wav", 1234L,
                        "ab".repeat(32), "আমার সোনার বাংলা\nline two", null, Map.of("language", "bn", "style", "ballad"), "cd".repeat(32), AT),
                new AudioFeaturesExtracted(1, "song-1", "cd".repeat(32), "ab".repeat(32), 22050, 1292, 30.0,
                        "features/song-1/logmel.npy", "features/song-1/mfcc.npy", List.of("mfcc_mean_0", "rms_mean"),
                        new float[] {1.5f, -0.25f}, "feature-service/1", AT,
                        new AudioFeaturesExtracted.Musicnn(new float[] {0.5f, -1.25f}, new float[] {0.75f}, 20,
                                "features/song-1/musicnn.npy", "musicnn MSD 412a832c8527")),
                new LyricsEmbedded(1, "song-1", "cd".repeat(32), true, new float[] {0.1f, 0.2f, 0.3f}, 3, "char-ngram-tf", "2", "bn",
                        0.98, Map.of("bn", 0.9, "en", 0.1), 42, false, AT),
                new LyricsEmbedded(1, "song-2", null, false, null, 0, "char-ngram-tf", "2", null, 0.0, Map.of(), 0, false, AT),
                new TrainingRequested(1, "run-1", List.of("vae", "conv-vae"), Map.of("latent", "32", "seed", "7"),
                        List.of("kmeans"), "4", AT),
                new TrainingProgress(1, "run-1", "vae", 3, 20, 12.5, 10.0, 2.5, 0.75, AT),
                TrainingProgress.failedIn("run-1", "conv-vae", 2, 20, new TrainingProgress(1, "run-1", "conv-vae", 1, 20, 9.0, 8.0, 1.0, 0.5, AT),
                        "conv-vae diverged in epoch 2 (loss NaN): lower lr or raise batch", AT),
                TrainingProgress.encoding(new TrainingProgress(1, "run-1", "conv-vae", 40, 40, 9.0, 8.0, 1.0, 0.5, AT), 34_000, 100_000, AT),
                new ModelTrained(1, "run-1", "vae", "models/run-1/vae.pt", "latents/run-1/vae.npy",
                        "latents/run-1/vae.ids.txt", 32, 60, true, Map.of("device", "cpu", "seed", "7"), List.of("kmeans"), "auto", AT),
                new LatentEncoded(1, "song-1", "run-1", "vae", new float[] {0.5f, -1f}, AT),
                new ClusteringCompleted(1, "run-1", "results/run-1/clustering_metrics.csv",
                        "results/run-1/assignments.csv", "vae", "kmeans", AT, Map.of(0, List.of("piano", "classical"))),
                new ClusterAssigned(1, "song-3", "run-1", "vae", "kmeans", 2, 0.75, true, AT));
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void everyEventRoundTripsThroughJson(Event event) {
        String json = EventCodec.toJson(event);
        Event back = EventCodec.fromJson(json, event.getClass());

        assertThat(back).usingRecursiveComparison().isEqualTo(event);
        assertThat(back.key()).isEqualTo(event.key());
        assertThat(json).contains("\"schemaVersion\":1");
    }

    @Test
    void eventsReadWithTheSameSummaryNamesShareOneList() {
        String json = "{\"schemaVersion\":1,\"songId\":\"s-%d\",\"summaryNames\":[\"mfcc_0_mean\",\"tempo_bpm\"],\"summary\":[1.0,2.0]}";
        AudioFeaturesExtracted first = EventCodec.fromJson(String.format(json, 1), AudioFeaturesExtracted.class);
        AudioFeaturesExtracted second = EventCodec.fromJson(String.format(json, 2), AudioFeaturesExtracted.class);
        assertThat(second.summaryNames()).isEqualTo(List.of("mfcc_0_mean", "tempo_bpm")).isSameAs(first.summaryNames());
    }

    @Test
    void instantsAreWrittenAsIsoText() {
        String json = EventCodec.toJson(everyEvent().findFirst().orElseThrow());
        assertThat(json).contains("\"ingestedAt\":\"2026-11-22T10:15:30.123Z\"");
    }

    @Test
    void unknownFieldsAreIgnoredSoAdditiveChangesKeepTheVersion() {
        String json = "{\"schemaVersion\":1,\"runId\":\"r\",\"model\":\"vae\",\"epoch\":1,\"epochs\":2,"
                + "\"loss\":1.0,\"reconstruction\":0.5,\"kl\":0.5,\"seconds\":0.1,\"at\":\"2026-01-01T00:00:00Z\","
                + "\"addedLater\":[1,2,3]}";
        assertThat(EventCodec.fromJson(json, TrainingProgress.class).epoch()).isEqualTo(1);
    }

    @Test
    void poisonRecordsAreRefusedWithAReason() {
        assertThatThrownBy(() -> EventCodec.fromJson("{not json", SongIngested.class))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> EventCodec.fromJson("{\"schemaVersion\":99,\"songId\":\"x\"}", SongIngested.class))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("unsupported schema version 99");
        assertThatThrownBy(() -> EventCodec.fromJson("{\"songId\":\"x\"}", SongIngested.class))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("unsupported schema version null");
        assertThatThrownBy(() -> EventCodec.fromJson("[1,2]", SongIngested.class))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> EventCodec.fromJson("", SongIngested.class))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> EventCodec.fromJson("{\"schemaVersion\":1,\"audioBytes\":\"many\"}", SongIngested.class))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("invalid SongIngested");
    }
}
