package dev.musicluster.kit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicluster.contracts.Topics;
import dev.musicluster.infra.KafkaProbe;
import dev.musicluster.infra.LocalInfra;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After an upgrade, a stage does again exactly what an older version did: on the real broker, an input topic of five
 * songs and an output topic of what was published for them, by this version or the last.
 */
class StaleWorkTest {

    @TempDir
    Path dir;

    @Test
    void onlyTheSongsAnOlderVersionDidAreDoneAgain() throws Exception {
        String input = Topics.SONGS_INGESTED.name();
        String output = Topics.AUDIO_FEATURES.name();
        try (LocalInfra infra = LocalInfra.start(dir)) {
            String bootstrap = infra.kafka().bootstrapServers();
            KafkaProbe probe = new KafkaProbe(bootstrap);
            // Inputs: each song's audio. Outputs: the version that analysed it and the audio it analysed.
            for (String song : List.of("current", "older", "never", "removed", "newer-input")) {
                probe.send(input, song, "audio-of-" + song, Map.of());
            }
            probe.send(input, "removed", null, Map.of());
            probe.send(input, "newer-input", "audio-of-newer-input-2", Map.of());
            probe.send(output, "current", "v2|audio-of-current", Map.of());
            probe.send(output, "older", "v1|audio-of-older", Map.of());
            probe.send(output, "removed", "v1|audio-of-removed", Map.of());
            probe.send(output, "newer-input", "v2|audio-of-newer-input", Map.of());
            CompactedTopicReader reader = new CompactedTopicReader(bootstrap, Duration.ofSeconds(60));
            PublishedWork published = new PublishedWork(output, json -> json);
            published.restore(reader);

            List<String> redone = Collections.synchronizedList(new ArrayList<>());
            long count = StaleWork.redo(reader, input, published, json -> "v2|" + json, (key, json) -> redone.add(key + "=" + json), 2);

            assertThat(redone).as("the song an older version did, and the one whose input changed since")
                    .containsExactlyInAnyOrder("older=audio-of-older", "newer-input=audio-of-newer-input-2");
            assertThat(count).isEqualTo(2);
        }
    }
}
