package dev.musicluster.cli;

import dev.musicluster.contracts.TopicSpec;
import dev.musicluster.contracts.Topics;
import dev.musicluster.contracts.events.ClusterAssigned;
import dev.musicluster.contracts.events.EventCodec;
import dev.musicluster.infra.KafkaProbe;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the topics hold for a set of songs, read straight from the broker: per stage, how many songs have an output
 * and how many records there are (a redelivery that was processed twice shows as a second record), and for the
 * cluster assignments, how many songs were given two different clusters; and how many of their records were
 * dead-lettered.
 */
final class DeliveryAudit {

    private static final List<String> STAGES = List.of(Topics.AUDIO_FEATURES.name(), Topics.LYRICS_EMBEDDINGS.name(),
            Topics.LATENTS.name(), Topics.CLUSTER_ASSIGNMENTS.name());
    private static final List<TopicSpec> DEAD_LETTERS = List.of(Topics.DLQ_GATEWAY, Topics.DLQ_FEATURE_SERVICE,
            Topics.DLQ_EMBEDDING_SERVICE, Topics.DLQ_TRAINING_SERVICE, Topics.DLQ_CLUSTERING_SERVICE);

    /** One stage's outputs for the songs: songs with at least one, all records, songs with more than one. */
    record Stage(String topic, int songs, int records, int songsTwice) {
    }

    record Report(Map<String, Stage> stages, int songsWithConflictingClusters, int deadLetters) {

        Stage assignments() {
            return stages.get(Topics.CLUSTER_ASSIGNMENTS.name());
        }

        void print(PrintStream console) {
            console.println("delivery audit (records on the topics for these songs):");
            stages.values().forEach(s -> console.printf("  %-20s %5d songs, %5d records, %d songs with more than one%n", s.topic(),
                    s.songs(), s.records(), s.songsTwice()));
            console.printf("  songs given two different clusters: %d; dead letters for these songs: %d%n", songsWithConflictingClusters,
                    deadLetters);
        }
    }

    private DeliveryAudit() {
    }

    static Report of(String bootstrapServers, Set<String> ids) {
        KafkaProbe probe = new KafkaProbe(bootstrapServers);
        Map<String, Stage> stages = new LinkedHashMap<>();
        int conflicting = 0;
        for (String topic : STAGES) {
            Map<String, Integer> counts = new HashMap<>();
            Map<String, Set<String>> clusters = new HashMap<>();
            probe.readToEnd(topic, Duration.ofMinutes(1)).stream().filter(r -> ids.contains(r.key()) && r.value() != null).forEach(r -> {
                counts.merge(r.key(), 1, Integer::sum);
                if (topic.equals(Topics.CLUSTER_ASSIGNMENTS.name())) {
                    clusters.computeIfAbsent(r.key(), k -> new HashSet<>()).add(clusterOf(r.value()));
                }
            });
            int records = counts.values().stream().mapToInt(Integer::intValue).sum();
            int twice = (int) counts.values().stream().filter(c -> c > 1).count();
            stages.put(topic, new Stage(topic, counts.size(), records, twice));
            if (topic.equals(Topics.CLUSTER_ASSIGNMENTS.name())) {
                conflicting = (int) clusters.values().stream().filter(c -> c.size() > 1).count();
            }
        }
        int deadLetters = 0;
        for (TopicSpec dlq : DEAD_LETTERS) {
            deadLetters += (int) probe.readToEnd(dlq.name(), Duration.ofMinutes(1)).stream().filter(r -> ids.contains(r.key())).count();
        }
        return new Report(stages, conflicting, deadLetters);
    }

    /** run/model/algorithm/cluster: two records of one song that differ in any of them are two different answers. */
    private static String clusterOf(String json) {
        ClusterAssigned a = EventCodec.fromJson(json, ClusterAssigned.class);
        return a.runId() + "/" + a.representation() + "/" + a.algorithm() + "/" + a.cluster();
    }
}
