package dev.musicluster.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Somebody asked for models to be trained on the songs known so far. Keyed by run id.
 *
 * @param models          model names: vae, conv-vae, hybrid-vae, beta-vae, cvae, ae
 * @param hyperParameters overrides of the documented defaults (latent, epochs, batch, lr, beta, seed, condition)
 * @param algorithms      clustering algorithms to run on the trained latents
 */
public record TrainingRequested(
        int schemaVersion,
        String runId,
        List<String> models,
        Map<String, String> hyperParameters,
        List<String> algorithms,
        Instant requestedAt) implements Event {

    public static final int SCHEMA_VERSION = 1;

    public TrainingRequested {
        models = models == null ? List.of() : List.copyOf(models);
        hyperParameters = hyperParameters == null ? Map.of() : Map.copyOf(hyperParameters);
        algorithms = algorithms == null ? List.of() : List.copyOf(algorithms);
    }

    @Override
    public String key() {
        return runId;
    }
}
