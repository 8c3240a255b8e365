package dev.musicluster.gateway.listening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicluster.contracts.events.EventCodec;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlaylistLineageTest {

    @Test
    void aPlaylistKeepsItsIdWhileHalfItsSongsStayTogether() throws Exception {
        PlaylistLineage first = PlaylistLineage.empty().next("run-1/musicnn/kmeans",
                Map.of(0, Set.of("a", "b", "c", "d"), 1, Set.of("e", "f", "g", "h"), 2, Set.of("i", "j")));
        assertThat(first.byCluster()).containsEntry(0, "pl-0001").containsEntry(1, "pl-0002").containsEntry(2, "pl-0003");

        // Cluster numbers change; {a,b,c,x} shares 3 of 5 with {a,b,c,d} (0.6): same id. {e,f,y,z,w} shares 2 of 7 (0.29)
        // with {e,f,g,h}: a new id. {i,j,g,h} shares 2 of 4 with {i,j} (0.5, the bound): same id.
        PlaylistLineage second = first.next("run-2/musicnn/kmeans",
                Map.of(5, Set.of("a", "b", "c", "x"), 3, Set.of("e", "f", "y", "z", "w"), 4, Set.of("i", "j", "g", "h")));
        assertThat(second.byCluster()).containsEntry(5, "pl-0001").containsEntry(4, "pl-0003").containsEntry(3, "pl-0004");
        assertThat(second.next("run-2/musicnn/kmeans", Map.of(5, Set.of("a", "b", "c", "x"), 3, Set.of("e", "f", "y", "z", "w"),
                4, Set.of("i", "j", "g", "h"))).byCluster()).as("the same clustering again").isEqualTo(second.byCluster());

        // Two clusters both half-overlap one old playlist: only the better (then the lower-numbered) keeps the id.
        PlaylistLineage split = PlaylistLineage.empty().next("r", Map.of(0, Set.of("a", "b")))
                .next("s", Map.of(0, Set.of("a"), 1, Set.of("b")));
        assertThat(split.byCluster()).containsEntry(0, "pl-0001").containsEntry(1, "pl-0002");

        // The gateway stores it as JSON and reads it back after a restart.
        byte[] json = EventCodec.mapper().writeValueAsBytes(second);
        assertThat(EventCodec.mapper().readValue(json, PlaylistLineage.class)).isEqualTo(second);
    }
}
