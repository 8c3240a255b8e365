package dev.musicluster.gateway.listening;

import static dev.musicluster.gateway.listening.ListeningFixtures.song;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DuplicatesTest {

    @Test
    void theSameRecordingTwiceIsFoundAndAnEditOfItIsNot() {
        List<SongPoint> songs = List.of(
                song("original", "a", 240.0, 1, 0, 0),
                song("reencoded", "a", 240.4, 0.999f, 0.02f, 0),
                song("radio-edit", "a", 200.0, 1, 0.01f, 0),
                song("other", "b", 240.2, 0, 1, 0),
                song("long-mix", "a", 600.0, 1, 0, 0),
                song("long-mix-copy", "a", 605.0, 1, 0, 0.001f));
        List<Duplicates.Pair> pairs = Duplicates.find(songs, Duplicates.DEFAULT_MAX_DISTANCE);
        assertThat(pairs).extracting(p -> p.first() + "=" + p.second())
                .as("1 % of 605 s is 6 s, so the 600-s mix and its copy 5 s longer are one recording")
                .containsExactly("long-mix=long-mix-copy", "original=reencoded");
        assertThat(pairs.get(1).distance()).isBetween(0.0, Duplicates.DEFAULT_MAX_DISTANCE);
    }

    @Test
    void durationsAgreeWithin1PercentOr2Seconds() {
        assertThat(Duplicates.sameDuration(30, 32)).isTrue();
        assertThat(Duplicates.sameDuration(30, 32.1)).isFalse();
        assertThat(Duplicates.sameDuration(300, 303)).isTrue();
        assertThat(Duplicates.sameDuration(300, 304)).isFalse();
    }
}
