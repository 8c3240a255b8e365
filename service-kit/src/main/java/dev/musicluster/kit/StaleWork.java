package dev.musicluster.kit;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * The work an older version of a stage did, done again by this one: at start, a stage reads its input topic (compacted,
 * every song's latest event) once to its end, and every song whose published output was computed by another version
 * (its fingerprint names another extractor or embedder) is worked on again. A song never worked on is left to the
 * stage's consumer, and a song already done by this version is skipped: an upgrade that changes nothing re-does
 * nothing, one that changes a stage's output re-does exactly the songs it changes. The topic is streamed with a bounded
 * queue, so a library of any size is re-done in constant memory; {@link PublishedWork#begin} keeps a song that the
 * consumer redelivers meanwhile from being done twice.
 */
public final class StaleWork {

    private static final Logger LOG = Logger.getLogger(StaleWork.class);
    private static final Duration POLL = Duration.ofMillis(500);

    /** What the stage does with one input event (JSON); it publishes and records the output itself. */
    @FunctionalInterface
    public interface Work {
        void redo(String key, String json) throws Exception;
    }

    private StaleWork() {
    }

    /**
     * @param fingerprint the fingerprint this version would give an input event (JSON), or null when it has none
     * @return how many songs were worked on again
     */
    public static long redo(String bootstrapServers, String inputTopic, PublishedWork published, Function<String, String> fingerprint,
                            Work work, int threads) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "stale-" + inputTopic + "-" + UUID.randomUUID());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(threads * 4),
                new ThreadPoolExecutor.CallerRunsPolicy());
        AtomicLong redone = new AtomicLong();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(inputTopic, Duration.ofSeconds(60)).stream()
                    .map(info -> new TopicPartition(inputTopic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(60)));
            while (!end.isEmpty()) {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    if (record.value() == null || record.key() == null) {
                        continue;
                    }
                    String current;
                    try {
                        current = fingerprint.apply(record.value());
                    } catch (RuntimeException unreadable) {
                        continue;
                    }
                    if (current != null && published.stale(record.key(), current)) {
                        pool.execute(() -> {
                            try {
                                work.redo(record.key(), record.value());
                                redone.incrementAndGet();
                            } catch (Exception e) {
                                LOG.warnf("%s could not be done again by this version: %s", record.key(), e.getMessage());
                            }
                        });
                    }
                }
                end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
        } catch (RuntimeException e) {
            LOG.warnf("reading %s for work an older version did failed (%s): such songs are done again when redelivered", inputTopic,
                    e.getMessage());
        } finally {
            pool.shutdown();
            try {
                pool.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (redone.get() > 0) {
            LOG.infof("%d songs of %s done again: an older version had done them", redone.get(), inputTopic);
        }
        return redone.get();
    }
}
