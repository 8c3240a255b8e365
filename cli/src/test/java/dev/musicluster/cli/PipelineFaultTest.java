package dev.musicluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Faults across the whole pipeline, through the load command: the embedded system (real broker, real S3, the five
 * services as the main job runs them) with an active model, 200 songs streamed through the gateway, and the fault
 * struck once a quarter of them are clustered. Every song must reach one cluster assignment, none twice, nothing
 * dead-lettered. The feature service is killed while it runs as two instances in one consumer group. The recovery times are printed for docs/reliability.md.
 */
class PipelineFaultTest {

    private static final int SONGS = 200;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"broker-restart", "kill:feature-service", "kill:clustering-service"})
    void everySongReachesOneClusterAssignment(String fault) throws Exception {
        LoadCommand load = new LoadCommand();
        load.home = Path.of(System.getProperty("user.dir")).getParent();
        load.songs = SONGS;
        load.distinct = 20;
        load.seconds = 3;
        load.fault = fault;
        load.work = dir;
        load.timeout = Duration.ofMinutes(10);
        if (fault.equals("kill:feature-service")) {
            // The scale-out path: two instances of one core in one consumer group; one is killed, the other takes over
            // its partitions until it is back.
            load.featureInstances = 2;
            load.featureCores = 1;
        }

        LoadCommand.Outcome outcome = load.run(System.out);

        LoadCommand.FaultReport struck = outcome.fault().orElseThrow();
        assertThat(struck.clusteredBefore()).as("the fault came mid-stream").isBetween(1, SONGS - 1);
        assertThat(struck.firstAfter()).as("songs were clustered after the fault").isPresent();
        assertThat(outcome.summary().refused()).isZero();
        assertThat(outcome.summary().clustered()).as("every song clustered").isEqualTo(SONGS);
        outcome.audit().stages().values().forEach(stage -> {
            assertThat(stage.songs()).as(stage.topic() + ": every song").isEqualTo(SONGS);
            assertThat(stage.songsTwice()).as(stage.topic() + ": no song twice").isZero();
        });
        assertThat(outcome.audit().songsWithConflictingClusters()).isZero();
        assertThat(outcome.audit().deadLetters()).isZero();
        assertThat(outcome.ok()).isTrue();
    }
}
