package dev.musicluster.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/events.md is the table people read: it must name every topic the code creates, with its policy. */
class EventsDocumentationTest {

    @Test
    void everyTopicIsDocumentedWithItsCleanupPolicy() throws Exception {
        String doc = Files.readString(Path.of(System.getProperty("user.dir")).resolveSibling("docs").resolve("events.md"));
        for (TopicSpec topic : Topics.ALL) {
            String row = doc.lines().filter(line -> line.startsWith("| `" + topic.name() + "` |")).findFirst()
                    .orElseThrow(() -> new AssertionError("docs/events.md has no row for " + topic.name()));
            String policy = topic.compacted() ? "compacted" : "delete after " + topic.retention().toDays() + " days";
            String partitions = topic.partitions() + (topic.partitions() == 1 ? " partition" : " partitions");
            assertThat(row).as(topic.name()).endsWith("| " + policy + ", " + partitions + " |");
        }
    }
}
