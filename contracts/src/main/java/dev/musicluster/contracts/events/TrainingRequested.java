package dev.musicluster.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Somebody asked for models to be trained on the songs known so far. Keyed by run id.
 *
 * @param models          model names: musicnn (pretrained), vae, conv-vae, hybrid-vae, beta-vae, cvae, ae, contrastive, vade
 * @param hyperParameters overrides of the documented defaults (latent, epochs, batch, lr, beta, seed, condition)
 * @param algorithms      clustering algorithms to run on the trained latents (empty: the clustering service's defaults)
 * @param k               number of clusters, or {@code auto} (null: the clustering service's default)
 * @param selection       the songs the run leaves out (null or {@link SongSelection#ALL}: none)
 */
public record TrainingRequested(
        int schemaVersion,
        String runId,
        List<String> models,
        Map<String, String> hyperParameters,
        List<String> algorithms,
        String k,
        Instant requestedAt,
        SongSelection selection) implements Event {

    public static final int SCHEMA_VERSION = 1;

    /** The models a request can name, in the order the main job trains them by default. */
    public static final List<String> MODELS = List.of("musicnn", "hybrid-vae", "conv-vae", "vae", "beta-vae", "cvae", "ae", "vade", "contrastive");

    /**
     * Models the main job trains only when asked by name: the contrastive model's many crop pairs per song make an
     * epoch of it cost about 7 conv-vae epochs (docs/performance.md); vade clusters no better than vae on the data
     * measured (docs/quality.md), so the default run does not spend its clustering and plotting on it.
     */
    public static final List<String> OPT_IN = List.of("contrastive", "vade");

    public TrainingRequested {
        models = models == null ? List.of() : List.copyOf(models);
        hyperParameters = hyperParameters == null ? Map.of() : Map.copyOf(hyperParameters);
        algorithms = algorithms == null ? List.of() : List.copyOf(algorithms);
        selection = selection == null ? SongSelection.ALL : selection;
    }

    /** A request that keeps every song. */
    public TrainingRequested(int schemaVersion, String runId, List<String> models, Map<String, String> hyperParameters,
                             List<String> algorithms, String k, Instant requestedAt) {
        this(schemaVersion, runId, models, hyperParameters, algorithms, k, requestedAt, SongSelection.ALL);
    }

    @Override
    public String key() {
        return runId;
    }
}
