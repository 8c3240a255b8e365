package dev.musicluster.gateway.listening;

import static dev.musicluster.gateway.listening.ListeningFixtures.atAngle;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RadioTest {

    private final List<SongPoint> songs = List.of(atAngle("seed", "A", 0), atAngle("n1", "B", 10), atAngle("n2", "A", -12),
            atAngle("n3", "C", 20), atAngle("n4", "A", 25), atAngle("far", "D", 150));

    @Test
    void theNearestSongsFlowOutwardFromTheSeed() {
        assertThat(Radio.from(songs.get(0), DirectionMatrix.of(songs), 4, 10, new Radio.Exclusions(Set.of(), Set.of())))
                .extracting(SongPoint::id).containsExactly("seed", "n1", "n3", "n4", "n2");
    }

    @Test
    void exclusionsAndTheArtistLimitLeaveSongsOut() {
        assertThat(Radio.from(songs.get(0), DirectionMatrix.of(songs), 3, 1, new Radio.Exclusions(Set.of("n1"), Set.of())))
                .as("the seed's artist A has had its one song").extracting(SongPoint::id).containsExactly("seed", "n3", "far");
        assertThat(Radio.from(songs.get(0), DirectionMatrix.of(songs), 10, 10, new Radio.Exclusions(Set.of(), Set.of(" c "))))
                .extracting(SongPoint::id).containsExactly("seed", "n1", "n4", "n2", "far");
    }

    @Test
    void whenTheArtistLimitTurnsAwayTheNearestHundredsTheRadioReachesFurther() {
        // 200 songs of the seed's artist nearest it, then two others: past the nearest 8 × count + 64 looked at first.
        List<SongPoint> library = new java.util.ArrayList<>();
        library.add(atAngle("seed", "A", 0));
        for (int i = 0; i < 200; i++) {
            library.add(atAngle("a" + i, "A", 1 + i * 0.2));
        }
        library.add(atAngle("b", "B", 60));
        library.add(atAngle("c", "C", 70));
        assertThat(Radio.from(library.get(0), DirectionMatrix.of(library), 2, 1, new Radio.Exclusions(Set.of(), Set.of())))
                .extracting(SongPoint::id).containsExactly("seed", "b", "c");
        assertThat(Radio.from(library.get(0), DirectionMatrix.of(library), 2, 2, new Radio.Exclusions(Set.of(), Set.of())))
                .as("the artist's second song allowed").extracting(SongPoint::id).containsExactly("seed", "a0", "b");
    }
}
