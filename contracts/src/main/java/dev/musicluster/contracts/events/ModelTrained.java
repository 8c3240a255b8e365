package dev.musicluster.contracts.events;

import java.time.Instant;
import java.util.Map;

/**
 * A model of a run is trained and stored. Compacted by run id and model, so every model of every run stays.
 *
 * @param primary    the run's first model: it becomes the active model that encodes new songs, and its clustering
 *                   is the one new songs are assigned to
 * @param provenance what the model was made from and with: data hash, config, seed, library versions, device
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
        Instant trainedAt) implements Event {

    public static final int SCHEMA_VERSION = 1;

    public ModelTrained {
        provenance = provenance == null ? Map.of() : Map.copyOf(provenance);
    }

    @Override
    public String key() {
        return runId + "/" + model;
    }
}
