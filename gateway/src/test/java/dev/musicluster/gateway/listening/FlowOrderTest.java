package dev.musicluster.gateway.listening;

import static dev.musicluster.gateway.listening.ListeningFixtures.atAngle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FlowOrderTest {

    @Test
    void eachNextSongIsTheNearestNotYetPlayedToTheOneBefore() {
        List<SongPoint> shuffled = List.of(atAngle("d", "x", 90), atAngle("b", "y", 30), atAngle("e", "z", 120),
                atAngle("c", "w", 60), atAngle("a", "v", 0));
        List<SongPoint> order = FlowOrder.from(shuffled.get(4), shuffled, 10, 10);
        assertThat(order).extracting(SongPoint::id).containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void anArtistOverItsLimitIsLeftOutNotMovedToTheEnd() {
        List<SongPoint> songs = List.of(atAngle("a", "Same", 0), atAngle("b", "same ", 10), atAngle("c", "SAME", 20),
                atAngle("d", "Other", 30));
        assertThat(FlowOrder.from(songs.get(0), songs, 2, 10)).extracting(SongPoint::id).containsExactly("a", "b", "d");
        assertThat(FlowOrder.from(songs.get(0), songs, 1, 2)).extracting(SongPoint::id).containsExactly("a", "d");
        assertThatThrownBy(() -> FlowOrder.from(songs.get(0), songs, 0, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aClusterLargerThanTheNeighbourhoodIsWalkedWholeAndStillFlows() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        List<SongPoint> songs = new java.util.ArrayList<>();
        for (int i = 0; i < 4 * FlowOrder.NEIGHBOURHOOD; i++) {
            songs.add(atAngle("s" + i, "artist " + i, random.nextDouble(0, 360)));
        }
        List<SongPoint> order = FlowOrder.from(songs.get(0), songs, 1, Integer.MAX_VALUE);
        assertThat(order).hasSize(songs.size()).doesNotHaveDuplicates();
        assertThat(order.get(0)).isEqualTo(songs.get(0));
        // On the unit circle a random order steps about 1.27 on average; the walk steps through near neighbours.
        double step = 0;
        for (int i = 1; i < order.size(); i++) {
            step += order.get(i - 1).distanceTo(order.get(i));
        }
        double randomStep = 0;
        for (int i = 1; i < songs.size(); i++) {
            randomStep += songs.get(i - 1).distanceTo(songs.get(i));
        }
        assertThat(step / (order.size() - 1)).isLessThan(0.1 * randomStep / (songs.size() - 1));
    }
}
