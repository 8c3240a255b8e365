package dev.musicluster.training.messaging;

import dev.musicluster.contracts.events.Event;
import dev.musicluster.contracts.events.LatentEncoded;
import dev.musicluster.contracts.events.ModelTrained;
import dev.musicluster.contracts.events.TrainingProgress;
import dev.musicluster.kit.EventRecords;
import dev.musicluster.training.app.Publisher;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** Training's events to Kafka; every send waits for the broker's acknowledgement. */
@ApplicationScoped
public class KafkaPublisher implements Publisher {

    private static final long TIMEOUT_SECONDS = 60;
    /** Latents in flight at once: well inside the emitter's buffer. */
    private static final int CHUNK = 128;

    private final Emitter<Record<String, String>> progress;
    private final Emitter<Record<String, String>> models;
    private final Emitter<Record<String, String>> latents;

    public KafkaPublisher(@Channel("training-progress") Emitter<Record<String, String>> progress,
                          @Channel("models-trained") Emitter<Record<String, String>> models,
                          @Channel("latents") Emitter<Record<String, String>> latents) {
        this.progress = progress;
        this.models = models;
        this.latents = latents;
    }

    @Override
    public void progress(TrainingProgress event) {
        await(send(progress, event));
    }

    @Override
    public void trained(ModelTrained event) {
        await(send(models, event));
    }

    @Override
    public void latents(List<LatentEncoded> events) {
        for (int from = 0; from < events.size(); from += CHUNK) {
            await(CompletableFuture.allOf(events.subList(from, Math.min(events.size(), from + CHUNK)).stream()
                    .map(e -> send(latents, e)).toArray(CompletableFuture[]::new)));
        }
    }

    private static CompletableFuture<Void> send(Emitter<Record<String, String>> emitter, Event event) {
        return emitter.send(EventRecords.of(event)).toCompletableFuture();
    }

    private static void await(CompletableFuture<?> sent) {
        try {
            sent.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not acknowledge an event within " + TIMEOUT_SECONDS + " s", e);
        }
    }
}
