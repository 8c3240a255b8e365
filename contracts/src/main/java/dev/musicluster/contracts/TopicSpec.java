package dev.musicluster.contracts;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A topic's name and the settings it is created with. Compacted topics hold per-key state (the latest event per
 * song or run), so a service rebuilds its view by replaying them from the beginning.
 */
public record TopicSpec(String name, int partitions, boolean compacted, Duration retention) {

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be positive: " + partitions);
        }
    }

    public static TopicSpec compacted(String name, int partitions) {
        return new TopicSpec(name, partitions, true, null);
    }

    public static TopicSpec retained(String name, int partitions, Duration retention) {
        return new TopicSpec(name, partitions, false, Objects.requireNonNull(retention, "retention"));
    }

    /** The topic-level Kafka configuration, as both the admin client and Strimzi's KafkaTopic take it. */
    public Map<String, String> config() {
        Map<String, String> config = new LinkedHashMap<>();
        if (compacted) {
            config.put("cleanup.policy", "compact");
            // Tombstones stay a day so that a consumer replaying from the start still sees deletions.
            config.put("delete.retention.ms", String.valueOf(Duration.ofDays(1).toMillis()));
        } else {
            config.put("cleanup.policy", "delete");
            config.put("retention.ms", String.valueOf(retention.toMillis()));
        }
        return config;
    }

    @Override
    public String toString() {
        return name;
    }
}
