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
}
