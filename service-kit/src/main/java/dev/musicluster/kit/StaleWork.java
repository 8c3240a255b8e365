package dev.musicluster.kit;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The work an older version of a stage did, done again by this one: at start, a stage reads its input topic (compacted,
 * every song's latest event) once to its end, and every song whose published output was computed by another version
 * (its fingerprint names another extractor or embedder) is worked on again. A song never worked on is left to the
 * stage's consumer, a song already done by this version is skipped, and so is a removed song: an upgrade that changes
 * nothing re-does nothing, one that changes a stage's output re-does exactly the songs it changes. The topic is read
 * twice (each key's latest offset, then the work), holding keys and offsets only and the work in a bounded queue;
 * {@link PublishedWork#begin} keeps a song that the consumer redelivers meanwhile from being done twice.
 */
public final class StaleWork {

    private static final Logger LOG = Logger.getLogger(StaleWork.class);

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
    public static long redo(CompactedTopicReader reader, String inputTopic, PublishedWork published, Function<String, String> fingerprint,
                            Work work, int threads) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(threads * 4),
                new ThreadPoolExecutor.CallerRunsPolicy());
        AtomicLong redone = new AtomicLong();
        try {
            // First the offset of each key's latest record: only that one counts, and a key whose latest is a tombstone
            // (a removed song) is not worked on at all. Keys and offsets only: a few dozen bytes a song.
            Map<String, Long> latest = new HashMap<>();
            reader.forEach(inputTopic, record -> latest.put(record.key(), record.value() == null ? -1 : record.offset()));
            reader.forEach(inputTopic, record -> {
                if (record.value() == null || latest.getOrDefault(record.key(), -1L) != record.offset()) {
                    return;
                }
                String current;
                try {
                    current = fingerprint.apply(record.value());
                } catch (RuntimeException unreadable) {
                    return;
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
            });
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
