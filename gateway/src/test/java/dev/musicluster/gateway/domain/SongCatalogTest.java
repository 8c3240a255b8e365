package dev.musicluster.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicluster.contracts.events.SongIngested;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SongCatalogTest {

    private static SongIngested song(String id, String revision) {
        return new SongIngested(1, id, "t", "a", "raw/" + id + "/audio.wav", "wav", 100, "ab", null, null, Map.of(), revision,
                Instant.EPOCH);
    }

    @Test
    void redeliveryKeepsStagesAndANewRevisionResetsThem() {
        SongCatalog catalog = new SongCatalog();
        catalog.ingested(song("a", "r1"));
        catalog.stageDone("a", Stage.FEATURES, "1292 frames", Instant.EPOCH);

        catalog.ingested(song("a", "r1"));
        assertThat(catalog.find("a").orElseThrow().summary()).isEqualTo("features");

        catalog.ingested(song("a", "r2"));
        assertThat(catalog.find("a").orElseThrow().summary()).isEqualTo("ingested");
        assertThat(catalog.size()).isEqualTo(1);
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
