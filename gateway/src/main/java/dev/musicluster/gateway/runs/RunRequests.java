package dev.musicluster.gateway.runs;

import dev.musicluster.contracts.SongId;
import dev.musicluster.contracts.events.SongSelection;
import dev.musicluster.contracts.events.TrainingRequested;
import dev.musicluster.kit.AcknowledgedSend;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Starts runs: checks what the gateway can check (model names, run id), publishes {@code training.requests} and
 * waits for the broker. Hyper-parameters and algorithms are checked by the services that use them, which
 * dead-letter a request they refuse; the run's status then says why.
 */
@ApplicationScoped
public class RunRequests {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final java.time.Duration ACK_TIMEOUT = java.time.Duration.ofSeconds(30);

    private final Emitter<Record<String, String>> emitter;

    public RunRequests(@Channel("training-requests") Emitter<Record<String, String>> emitter) {
        this.emitter = emitter;
    }

    public TrainingRequested start(RunConfig config) throws IOException {
        List<String> models = config.models() == null ? List.of() : config.models();
        for (String model : models) {
            if (!TrainingRequested.MODELS.contains(model)) {
                throw new IllegalArgumentException("unknown model '" + model + "'; known: " + String.join(", ", TrainingRequested.MODELS));
            }
        }
        Instant now = Instant.now();
        String runId = config.runId() == null || config.runId().isBlank()
                ? "run-" + STAMP.format(now) + "-" + HexFormat.of().formatHex(RANDOM.generateSeed(2))
                : SongId.require(config.runId());
        TrainingRequested request = new TrainingRequested(TrainingRequested.SCHEMA_VERSION, runId, models,
                config.hyperParameters() == null ? Map.of() : config.hyperParameters(), config.algorithms(), config.k(), now,
                config.selection());
        AcknowledgedSend.send(emitter, request, ACK_TIMEOUT);
        return request;
    }

    /**
     * A run's configuration as the API takes it; everything optional. {@code selection} leaves songs out by a label
     * value or a track length (talk, DJ sets): recorded in the run's provenance, never a model's input.
     */
    public record RunConfig(String runId, List<String> models, Map<String, String> hyperParameters, List<String> algorithms,
                            String k, SongSelection selection) {
    }
}
