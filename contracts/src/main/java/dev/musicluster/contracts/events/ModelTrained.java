package dev.musicluster.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A model of a run is trained and stored. Compacted by run id and model, so every model of every run stays.
 *
 * @param primary    the run's first model: it becomes the active model that encodes new songs, and its clustering
 *                   is the one new songs are assigned to
 * @param provenance what the model was made from and with: data hash, config, seed, library versions, device
 * @param algorithms the clustering algorithms the run asked for (empty: the clustering service's defaults)
 * @param k          the number of clusters the run asked for, or {@code auto} (null: the clustering service's default)
 */
public record ModelTrained(
        int schemaVersion,
        String runId,
        String model,
        String checkpointKey,
        String latentsKey,
        String idsKey,
        int latentDim,
        int songCount,
        boolean primary,
        Map<String, String> provenance,
        List<String> algorithms,
        String k,
        Instant trainedAt) implements Event {

    public static final int SCHEMA_VERSION = 1;

    public ModelTrained {
        provenance = provenance == null ? Map.of() : Map.copyOf(provenance);
        algorithms = algorithms == null ? List.of() : List.copyOf(algorithms);
    }

    @Override
    public String key() {
        return runId + "/" + model;
    }
}
