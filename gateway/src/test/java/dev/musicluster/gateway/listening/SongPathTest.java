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
        SongPath.Walk walk = SongPath.between(songs.get(0), songs.get(18), 3, DirectionMatrix.of(songs));
        assertThat(walk.songs()).extracting(SongPoint::id).containsExactly("s0", "s30", "s60", "s90");
        assertThat(walk.straightStepAngle()).isCloseTo(Math.toRadians(30), within(1e-6));
        assertThat(walk.worstStepRatio()).isCloseTo(1.0, within(1e-5));

        // More steps than songs between: each song still once, A first and B last.
        SongPath.Walk crowded = SongPath.between(songs.get(0), songs.get(2), 6, DirectionMatrix.of(songs));
        assertThat(crowded.songs()).first().extracting(SongPoint::id).isEqualTo("s0");
        assertThat(crowded.songs()).last().extracting(SongPoint::id).isEqualTo("s10");
        assertThat(crowded.songs()).extracting(SongPoint::id).doesNotHaveDuplicates().hasSize(7);

        // A and B as other objects than the library's (a caller's copies): still played once each, and every step found.
        SongPath.Walk copies = SongPath.between(atAngle("s0", "x", 0), atAngle("s10", "x", 10), 6, DirectionMatrix.of(songs));
        assertThat(copies.songs()).extracting(SongPoint::id).doesNotHaveDuplicates().hasSize(7)
                .containsExactlyElementsOf(crowded.songs().stream().map(SongPoint::id).toList());
    }

    @Test
    void everyStepStaysWithinTheStraightStepPlusBothSongsAnglesOffThePath() {
        List<SongPoint> songs = new ArrayList<>();
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int i = 0; i < 60; i++) {
            songs.add(ListeningFixtures.song("r" + i, "x", 200, (float) random.nextGaussian(), (float) random.nextGaussian(),
                    (float) random.nextGaussian(), (float) random.nextGaussian()));
        }
        for (int steps : new int[] {1, 2, 5, 12, 80}) {
            SongPath.Walk walk = SongPath.between(songs.get(0), songs.get(1), steps, DirectionMatrix.of(songs));
            for (int i = 1; i < walk.songs().size(); i++) {
                assertThat(walk.stepAngles().get(i - 1)).as("step %d of %d", i, steps).isLessThanOrEqualTo(walk.bound(i) + 1e-6);
            }
            for (int i = 1; i < walk.songs().size() - 1; i++) {
                // Each song between is the nearest to its point among those not yet on the path.
                float[] point = SongPath.slerp(songs.get(0).direction(), songs.get(1).direction(), walk.angle(), walk.positions().get(i));
                double chosen = walk.songs().get(i).distanceTo(point);
                java.util.Set<String> before = new java.util.HashSet<>(walk.songs().subList(0, i).stream().map(SongPoint::id).toList());
                before.add(songs.get(1).id());
                assertThat(songs.stream().filter(s -> !before.contains(s.id())).mapToDouble(s -> s.distanceTo(point)).min().orElseThrow())
                        .isCloseTo(chosen, within(1e-9));
            }
        }
    }

    @Test
    void aPathNeedsTwoSongsAndAStep() {
        SongPoint a = atAngle("a", "x", 0);
        assertThatThrownBy(() -> SongPath.between(a, a, 3, DirectionMatrix.of(List.of(a)))).hasMessageContaining("two different songs");
        assertThatThrownBy(() -> SongPath.between(a, atAngle("b", "x", 10), 0, DirectionMatrix.of(List.of(a)))).hasMessageContaining("at least 1 step");
    }

    @Test
    void oppositeSongsStillGetAPathWithoutNaN() {
        SongPoint a = atAngle("a", "x", 0);
        SongPoint b = atAngle("b", "x", 180);
        SongPath.Walk walk = SongPath.between(a, b, 2, DirectionMatrix.of(List.of(a, b, atAngle("m", "x", 90))));
        assertThat(walk.songs()).extracting(SongPoint::id).containsExactly("a", "m", "b");
        assertThat(walk.stepAngles()).allSatisfy(angle -> assertThat(angle).isFinite());
    }
}
