package dev.musicluster.kit;

import dev.musicluster.contracts.events.Event;
import io.smallrye.reactive.messaging.kafka.Record;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Sends events and returns once the broker has acknowledged every one, so that a consumer acknowledges its input
 * only after its output is durable. Many events go in chunks well inside the emitter's buffer.
 */
public final class AcknowledgedSend {

    private static final int CHUNK = 128;

    private AcknowledgedSend() {
    }

    public static void send(Emitter<Record<String, String>> emitter, List<? extends Event> events, Duration timeout) throws IOException {
        for (int from = 0; from < events.size(); from += CHUNK) {
            CompletableFuture<?>[] sent = events.subList(from, Math.min(events.size(), from + CHUNK)).stream()
                    .map(event -> emitter.send(EventRecords.of(event)).toCompletableFuture()).toArray(CompletableFuture[]::new);
            try {
                CompletableFuture.allOf(sent).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IOException("the broker did not acknowledge " + events.get(from).getClass().getSimpleName() + " events within "
                        + timeout + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while publishing", e);
            }
        }
    }

    public static void send(Emitter<Record<String, String>> emitter, Event event, Duration timeout) throws IOException {
        send(emitter, List.of(event), timeout);
    }

    /**
     * A tombstone for a key of a compacted topic: the key's value is deleted, for every reader now and, once compaction
     * has run, for every reader later. Returns once the broker has acknowledged it.
     */
    public static void tombstone(Emitter<Record<String, String>> emitter, String key, Duration timeout) throws IOException {
        try {
            emitter.send(Record.of(key, (String) null)).toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the broker did not acknowledge the tombstone of " + key + " within " + timeout + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while publishing", e);
        }
    }
}
