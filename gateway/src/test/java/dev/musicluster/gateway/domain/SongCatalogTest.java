package dev.musicluster.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicluster.contracts.events.SongIngested;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SongCatalogTest {

    private static SongIngested song(String id, String revision) {
        return song(id, revision, "ab", null);
    }

    private static SongIngested song(String id, String revision, String audioSha256, String lyrics) {
        return new SongIngested(1, id, "t", "a", "raw/" + id + "/audio.wav", "wav", 100, audioSha256, lyrics, null, Map.of(), revision,
                Instant.EPOCH);
    }

    @Test
    void redeliveryKeepsStagesAndNewAudioResetsThem() {
        SongCatalog catalog = new SongCatalog();
        catalog.ingested(song("a", "r1"));
        catalog.stageDone("a", Stage.FEATURES, "1292 frames", Instant.EPOCH);

        catalog.ingested(song("a", "r1"));
        assertThat(catalog.find("a").orElseThrow().summary()).isEqualTo("features");

        catalog.ingested(song("a", "r2", "cd", null));
        assertThat(catalog.find("a").orElseThrow().summary()).isEqualTo("ingested");
        assertThat(catalog.size()).isEqualTo(1);
    }

    /** A retagged file: a new revision of the same audio, which no stage analyses again. */
    @Test
    void aNewRevisionOfTheSameAudioKeepsItsStagesButTheLyricsWhenTheyChanged() {
        SongCatalog catalog = new SongCatalog();
        catalog.ingested(song("a", "r1", "ab", "la la"));
        for (Stage stage : java.util.List.of(Stage.FEATURES, Stage.LYRICS, Stage.LATENT, Stage.CLUSTER)) {
            catalog.stageDone("a", stage, "done", Instant.EPOCH);
        }
        catalog.ingested(song("a", "r2", "ab", "la la"));
        assertThat(catalog.find("a").orElseThrow().summary()).isEqualTo("cluster");

        catalog.ingested(song("a", "r3", "ab", "other words"));
        Song song = catalog.find("a").orElseThrow();
        assertThat(song.stages().get(Stage.LYRICS).state()).isEqualTo(StageStatus.State.PENDING);
        assertThat(song.stages().get(Stage.FEATURES).state()).isEqualTo(StageStatus.State.DONE);
    }

    @Test
    void aRemovedSongIsForgottenOnceAndItsLateOutcomesAreNotHeld() {
        SongCatalog catalog = new SongCatalog();
        catalog.ingested(song("a", "r1"));
        catalog.removed("a");
        catalog.removed("a");
        assertThat(catalog.find("a")).isEmpty();
        assertThat(catalog.removals()).as("a tombstone seen twice is one removal").isEqualTo(1);
    }

    @Test
    void aStageOutcomeArrivingBeforeItsSongIsKept() {
        SongCatalog catalog = new SongCatalog();
        catalog.stageFailed("b", Stage.FEATURES, "truncated header", Instant.EPOCH);
        assertThat(catalog.find("b")).isEmpty();

        catalog.ingested(song("b", "r1"));
        Song song = catalog.find("b").orElseThrow();
        assertThat(song.summary()).isEqualTo("features failed");
        assertThat(song.stages().get(Stage.FEATURES).detail()).isEqualTo("truncated header");
    }
}
