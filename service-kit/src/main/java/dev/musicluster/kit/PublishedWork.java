package dev.musicluster.kit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * What a stage has already published: per song, the fingerprint of the input its output was computed from (the
 * song's revision and the stage's version, or the model a latent was encoded with). A redelivered record whose
 * output is already published is acknowledged without doing the work again, so a redelivery after a crash or a
 * rebalance creates no second output. It is restored from the stage's own compacted output topic before the first
 * record is looked up, then kept as outputs are acknowledged.
 */
public final class PublishedWork {

    private static final Logger LOG = Logger.getLogger(PublishedWork.class);
    /** Records wait this long for the restore at most; past it the work is done again (at least once still holds). */
    private static final Duration RESTORE_WAIT = Duration.ofMinutes(2);
    /** How long a worker waits for another that works on the same key. */
    private static final Duration IN_FLIGHT_WAIT = Duration.ofMinutes(5);

    private final String topic;
    private final Function<String, String> fingerprintOfOutput;
    private final Map<String, String> fingerprints = new ConcurrentHashMap<>();
    private final CountDownLatch restored = new CountDownLatch(1);
    private final Map<String, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();

    /** Held while one worker works on a key; closing it lets the next worker with the same key go on. */
    public interface InFlight extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Claims the key for this worker. A redelivery (after a broker restart or a rebalance) can hand the same song to
     * a second worker while the first still works on it; the second then waits here for the first to finish, and its
     * {@link #published} check sees the first one's output, so the song is published once. Past
     * {@link #IN_FLIGHT_WAIT} the second goes on regardless: at least once still holds.
     */
    public InFlight begin(String key) throws InterruptedException {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        long deadline = System.nanoTime() + IN_FLIGHT_WAIT.toNanos();
        while (true) {
            CompletableFuture<Void> other = inFlight.putIfAbsent(key, mine);
            if (other == null) {
                return () -> {
                    inFlight.remove(key, mine);
                    mine.complete(null);
                };
            }
            try {
                other.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                LOG.warnf("%s has been in work for over %s: working on it again", key, IN_FLIGHT_WAIT);
                return () -> { };
            } catch (ExecutionException e) {
                // The other worker's work failed; this one tries.
            }
        }
    }

    /**
     * @param topic               the stage's compacted output topic
     * @param fingerprintOfOutput the fingerprint an output event (its JSON) records, null if it records none
     */
    public PublishedWork(String topic, Function<String, String> fingerprintOfOutput) {
        this.topic = topic;
        this.fingerprintOfOutput = fingerprintOfOutput;
    }

    /** Reads the output topic to its end; on failure the stage starts with nothing known and redoes redeliveries. */
    public void restore(CompactedTopicReader reader) {
        try {
            read(reader);
        } finally {
            restored.countDown();
        }
    }

    /**
     * Reads the output topic to its end again, adding what other instances of the stage published since: called when
     * this instance is assigned partitions ({@link PublishedWorkRefresh}), before their records arrive. A partition
     * taken over from an instance that was killed after publishing a song's output but before committing its offset
     * redelivers that song, and only the topic knows it is done.
     */
    public void refresh(CompactedTopicReader reader) {
        read(reader);
    }

    private void read(CompactedTopicReader reader) {
        try {
            // Each output's fingerprint taken as it is read: the outputs' JSON (the features topic holds 8.8 KB a song,
            // 880 MB at 100,000) never all at once, which ran the feature service out of heap at its start.
            reader.snapshot(topic, this::fingerprintOrNull).latest().forEach((key, fingerprint) -> {
                if (fingerprint != null) {
                    fingerprints.put(key, fingerprint);
                }
            });
            LOG.infof("%d outputs already on %s", fingerprints.size(), topic);
        } catch (RuntimeException e) {
            LOG.warnf("could not read %s (%s): redelivered records are processed again", topic, e.getMessage());
        }
    }

    /** An output this version cannot read is treated as absent: its song is done again if redelivered. */
    private String fingerprintOrNull(String json) {
        try {
            return fingerprintOfOutput.apply(json);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /** The parts joined, or null when any is unknown (an output that records no input is never taken as done). */
    public static String fingerprint(String... parts) {
        for (String part : parts) {
            if (part == null) {
                return null;
            }
        }
        return String.join("|", parts);
    }

    /**
     * Waits until no worker holds a key (each in-flight output published or failed), at most {@code timeout}: called
     * when partitions are revoked, so that the instance that takes them over and refreshes finds those outputs.
     */
    public void awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (CompletableFuture<Void> work : List.copyOf(inFlight.values())) {
            try {
                work.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                LOG.warnf("partitions revoked while work on %s still runs after %s", topic, timeout);
                return;
            } catch (ExecutionException e) {
                // Failed work publishes nothing: nothing to wait for.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Whether the output for this input is already published. */
    public boolean published(String key, String fingerprint) {
        try {
            if (!restored.await(RESTORE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return fingerprint.equals(fingerprints.get(key));
    }

    /**
     * Whether the key's output was computed from another input or by another version than {@code fingerprint} says:
     * work done once that this version must do again. A key never worked on is not stale: it is the consumer's.
     */
    public boolean stale(String key, String fingerprint) {
        try {
            restored.await(RESTORE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        String known = fingerprints.get(key);
        return known != null && !known.equals(fingerprint);
    }

    /** Forgets a removed key's output, so that the key, should it come back, is worked on anew. */
    public void forget(String key) {
        fingerprints.remove(key);
    }

    /** Notes an output the broker has acknowledged. */
    public void recordPublished(String key, String fingerprint) {
        fingerprints.put(key, fingerprint);
    }
}
