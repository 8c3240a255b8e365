package dev.musicluster.gateway.messaging;

import dev.musicluster.contracts.events.DeadLetters;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * The view's records it cannot read, to {@code dlq.gateway} with the reason, in the headers SmallRye's dead-letter
 * strategy writes: the view reads a poll's records as one batch, and a batch's failure would dead-letter all of them.
 */
@ApplicationScoped
public class ViewDeadLetters {

    private static final Logger LOG = Logger.getLogger(ViewDeadLetters.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Emitter<String> emitter;

    public ViewDeadLetters(@Channel("view-dead-letters") Emitter<String> emitter) {
        this.emitter = emitter;
    }

    /** Returns once the broker has the dead letter; a broker that does not take it is logged, and the view goes on. */
    void send(ConsumerRecord<String, String> record, Throwable why) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetters.REASON, bytes(why.getMessage() == null ? why.getClass().getName() : why.getMessage()));
        if (why.getCause() != null && why.getCause().getMessage() != null) {
            headers.add(DeadLetters.CAUSE, bytes(why.getCause().getMessage()));
        }
        headers.add(DeadLetters.TOPIC, bytes(record.topic()));
        headers.add("dead-letter-partition", bytes(Integer.toString(record.partition())));
        headers.add("dead-letter-offset", bytes(Long.toString(record.offset())));
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        Message<String> message = Message.of(record.value(),
                Metadata.of(OutgoingKafkaRecordMetadata.<String>builder().withKey(record.key()).withHeaders(headers).build()),
                () -> {
                    acknowledged.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    acknowledged.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
            acknowledged.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.errorf("record %s-%d@%d (%s) could not be read (%s) nor dead-lettered: %s", record.topic(), record.partition(),
                    record.offset(), record.key(), why.getMessage(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
