package dev.musicluster.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SongSelectionTest {

    @Test
    void songsAreLeftOutByALabelValueOrTheirLength() {
        SongSelection selection = new SongSelection(SongSelection.parseExclusions(List.of("genre=Talk", "genre= DJ set ", "kind=live")),
                60.0, 900.0);
        assertThat(selection.keeps(Map.of("genre", "rock"), 200)).isTrue();
        assertThat(selection.keeps(Map.of("genre", "talk"), 200)).isFalse();
        assertThat(selection.keeps(Map.of("genre", "dj set"), 200)).isFalse();
        assertThat(selection.keeps(Map.of(), 30)).as("too short").isFalse();
        assertThat(selection.keeps(Map.of(), 3600)).as("a DJ set's length").isFalse();
        assertThat(selection.keeps(Map.of(), Double.NaN)).as("an unknown length passes").isTrue();
        assertThat(selection.provenance()).containsExactly(Map.entry("selection.exclude.genre", "dj set, talk"),
                Map.entry("selection.exclude.kind", "live"), Map.entry("selection.min-seconds", "60.0"),
                Map.entry("selection.max-seconds", "900.0"));
        assertThat(SongSelection.ALL.isAll()).isTrue();
        assertThat(SongSelection.ALL.provenance()).isEmpty();
    }

    @Test
    void aSelectionThatCannotBeMetIsRefused() {
        assertThatThrownBy(() -> new SongSelection(Map.of(), 600.0, 60.0)).hasMessageContaining("over maxSeconds");
        assertThatThrownBy(() -> new SongSelection(Map.of(), -1.0, null)).hasMessageContaining("minSeconds");
        assertThatThrownBy(() -> SongSelection.parseExclusions(List.of("genre"))).hasMessageContaining("label=value");
        assertThatThrownBy(() -> new SongSelection(Map.of("genre", List.of()), null, null)).hasMessageContaining("at least one value");
    }

    @Test
    void itTravelsInTheTrainingRequest() {
        TrainingRequested request = new TrainingRequested(1, "r", List.of("vae"), Map.of(), List.of(), null, java.time.Instant.EPOCH,
                new SongSelection(Map.of("genre", List.of("talk")), null, 900.0));
        assertThat(EventCodec.fromJson(EventCodec.toJson(request), TrainingRequested.class)).isEqualTo(request);
        String old = EventCodec.toJson(new TrainingRequested(1, "r", List.of("vae"), Map.of(), List.of(), null, java.time.Instant.EPOCH))
                .replace(",\"selection\":{\"excludeLabels\":{},\"minSeconds\":null,\"maxSeconds\":null}", "");
        assertThat(EventCodec.fromJson(old, TrainingRequested.class).selection().isAll()).as("a request written before selections").isTrue();
    }
}
