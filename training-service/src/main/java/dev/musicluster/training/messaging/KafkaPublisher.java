package dev.musicluster.training.messaging;

import dev.musicluster.contracts.events.Event;
import dev.musicluster.contracts.events.LatentEncoded;
import dev.musicluster.contracts.events.ModelTrained;
import dev.musicluster.contracts.events.TrainingProgress;
import dev.musicluster.kit.AcknowledgedSend;
import dev.musicluster.training.app.Publisher;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** Training's events to Kafka; every send waits for the broker's acknowledgement. */
@ApplicationScoped
public class KafkaPublisher implements Publisher {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

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
        send(progress, List.of(event));
    }

    @Override
    public void trained(ModelTrained event) {
        send(models, List.of(event));
    }

    @Override
    public void latents(List<LatentEncoded> events) {
        send(latents, events);
    }

    @Override
    public void latentRemoved(String songId) {
        try {
            AcknowledgedSend.tombstone(latents, songId, TIMEOUT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void send(Emitter<Record<String, String>> emitter, List<? extends Event> events) {
        try {
            AcknowledgedSend.send(emitter, events, TIMEOUT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
