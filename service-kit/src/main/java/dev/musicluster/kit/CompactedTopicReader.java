package dev.musicluster.kit;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The state of a compacted topic as of now: every key's latest value, read from the first offset up to the end
 * offsets taken when the read starts (tombstones remove their key). A bounded read with no consumer group, so it
 * is complete however recently the service started, and it leaves no offsets behind.
 */
@ApplicationScoped
public class CompactedTopicReader {

    private static final Duration POLL = Duration.ofMillis(200);

    private final String bootstrapServers;
    private final Duration timeout;

    public CompactedTopicReader(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                                @ConfigProperty(name = "musicluster.topic-read-timeout", defaultValue = "PT60S") Duration timeout) {
        this.bootstrapServers = bootstrapServers;
        this.timeout = timeout;
    }

    /** Latest value per key, in the order keys were first seen. */
    public Map<String, String> read(String topic) {
        return snapshot(topic).latest();
    }

    /**
     * The topic as of now: every key's latest value, and the keys whose latest record is a tombstone (deleted, and
     * still known as deleted until compaction drops the tombstone, {@code delete.retention.ms} later).
     */
    public record Snapshot<T>(Map<String, T> latest, Set<String> tombstoned) {
    }

    public Snapshot<String> snapshot(String topic) {
        return snapshot(topic, json -> json);
    }

    /**
     * As {@link #snapshot(String)}, each value decoded as it is read: what is kept is the decoded values, never the
     * whole topic's JSON at once (at 100,000 songs the latents topic holds 460 MB of it).
     */
    public <T> Snapshot<T> snapshot(String topic, Function<String, T> decode) {
        Map<String, T> latest = new LinkedHashMap<>();
        Set<String> tombstoned = new HashSet<>();
        forEach(topic, record -> {
            if (record.value() == null) {
                latest.remove(record.key());
                tombstoned.add(record.key());
            } else {
                latest.put(record.key(), decode.apply(record.value()));
                tombstoned.remove(record.key());
            }
        });
        return new Snapshot<>(latest, tombstoned);
    }

    /**
     * Every keyed record of the topic, from its first offset to the end offsets taken when the read starts, in offset
     * order per partition. What {@code each} does may take long (it is not a poll that stalls): the read fails only when
     * the broker gives nothing for the timeout while records remain.
     */
    public void forEach(String topic, Consumer<ConsumerRecord<String, String>> each) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "read-" + topic + "-" + UUID.randomUUID());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, timeout));
            long lastProgress = System.nanoTime();
            while (!caughtUp(consumer, end)) {
                ConsumerRecords<String, String> records = consumer.poll(POLL);
                if (records.isEmpty()) {
                    if (System.nanoTime() - lastProgress > timeout.toNanos()) {
                        throw new IllegalStateException("reading " + topic + " to its end: nothing came for " + timeout);
                    }
                    continue;
                }
                for (ConsumerRecord<String, String> record : records) {
                    Long stop = end.get(new TopicPartition(record.topic(), record.partition()));
                    if (record.key() != null && stop != null && record.offset() < stop) {
                        each.accept(record);
                    }
                }
                lastProgress = System.nanoTime();
            }
        }
    }

    private static boolean caughtUp(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
        return end.isEmpty();
    }
}
