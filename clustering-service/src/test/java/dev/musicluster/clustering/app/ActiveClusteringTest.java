package dev.musicluster.clustering.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicluster.clustering.domain.algorithms.Partition;
import dev.musicluster.contracts.events.ClusterAssigned;
import dev.musicluster.contracts.events.LatentEncoded;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActiveClusteringTest {

    private static LatentEncoded latent(String song, String run, float... values) {
        return new LatentEncoded(LatentEncoded.SCHEMA_VERSION, song, run, "vae", values, Instant.now());
    }

    @Test
    void aLatentThatWaitedForItsClusteringIsAssignedWhenTheClusteringComesAfterARestart() {
        ActiveClustering before = new ActiveClustering();
        assertThat(before.onLatent(latent("late", "run-2", 9f, 0f))).as("no clustering of run-2 yet: it waits").isEmpty();
        // The process stops here: what waited in memory is gone, the compacted latents topic still holds it.

        ActiveClustering after = new ActiveClustering();
        List<ClusterAssigned> clustered = after.activate("run-2", "vae", "kmeans", List.of("a", "b"),
                new double[][] {{0, 0}, {10, 0}}, Partition.of(new int[] {0, 1}));
        assertThat(clustered).extracting(ClusterAssigned::songId).containsExactly("a", "b");

        List<LatentEncoded> onTopic = List.of(latent("a", "run-2", 0f, 0f), latent("late", "run-2", 9f, 0f),
                latent("assigned", "run-2", 1f, 0f), latent("old", "run-1", 0f, 0f));
        List<ClusterAssigned> caughtUp = after.catchUp(onTopic, l -> l.songId().equals("assigned"));
        assertThat(caughtUp).as("not a clustered song, not one assigned already, not another run's latent")
                .extracting(ClusterAssigned::songId).containsExactly("late");
        assertThat(caughtUp.get(0).cluster()).isEqualTo(1);
        assertThat(caughtUp.get(0).online()).isTrue();
        assertThat(after.catchUp(onTopic, l -> l.songId().equals("assigned"))).as("read back twice, assigned once").isEmpty();
        assertThat(after.onLatent(latent("late", "run-2", 9f, 0f))).as("and not again when it is redelivered").isEmpty();
    }
}
