package dev.musicluster.gateway.listening;

import static dev.musicluster.gateway.listening.ListeningFixtures.atAngle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SongPathTest {

    @Test
    void thePathFollowsTheGreatCircleFromAToBAndPlaysEachSongOnce() {
        List<SongPoint> songs = new ArrayList<>();
        for (int degrees = 0; degrees <= 90; degrees += 5) {
            songs.add(atAngle("s" + degrees, "x", degrees));
        }
        songs.add(atAngle("off", "x", 200));
        SongPath.Walk walk = SongPath.between(songs.get(0), songs.get(18), 3, songs);
        assertThat(walk.songs()).extracting(SongPoint::id).containsExactly("s0", "s30", "s60", "s90");
        assertThat(walk.straightStepAngle()).isCloseTo(Math.toRadians(30), within(1e-6));
        assertThat(walk.worstStepRatio()).isCloseTo(1.0, within(1e-5));

        // More steps than songs between: each song still once, A first and B last.
        SongPath.Walk crowded = SongPath.between(songs.get(0), songs.get(2), 6, songs);
        assertThat(crowded.songs()).first().extracting(SongPoint::id).isEqualTo("s0");
        assertThat(crowded.songs()).last().extracting(SongPoint::id).isEqualTo("s10");
        assertThat(crowded.songs()).extracting(SongPoint::id).doesNotHaveDuplicates().hasSize(7);
    }

    @Test
    void aPathNeedsTwoSongsAndAStep() {
        SongPoint a = atAngle("a", "x", 0);
        assertThatThrownBy(() -> SongPath.between(a, a, 3, List.of(a))).hasMessageContaining("two different songs");
        assertThatThrownBy(() -> SongPath.between(a, atAngle("b", "x", 10), 0, List.of(a))).hasMessageContaining("at least 1 step");
    }

    @Test
    void oppositeSongsStillGetAPathWithoutNaN() {
        SongPoint a = atAngle("a", "x", 0);
        SongPoint b = atAngle("b", "x", 180);
        SongPath.Walk walk = SongPath.between(a, b, 2, List.of(a, b, atAngle("m", "x", 90)));
        assertThat(walk.songs()).extracting(SongPoint::id).containsExactly("a", "m", "b");
        assertThat(walk.stepAngles()).allSatisfy(angle -> assertThat(angle).isFinite());
    }
}
