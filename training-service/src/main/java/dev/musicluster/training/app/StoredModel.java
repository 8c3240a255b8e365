package dev.musicluster.training.app;

import dev.musicluster.contracts.events.SongSelection;
import dev.musicluster.training.domain.model.HyperParameters;
import dev.musicluster.training.domain.network.NetworkShape;
import java.util.Map;

/**
 * A model's {@code config.json}: what to rebuild (shape), how it was trained (hyper-parameters) and from what
 * (provenance), and which songs its run left out (selection: the online encoder leaves the same ones out). Its
 * parameters and normalisation are stored beside it.
 */
public record StoredModel(String runId, String model, NetworkShape shape, HyperParameters hyperParameters,
                          Map<String, String> provenance, SongSelection selection) {

    public StoredModel {
        selection = selection == null ? SongSelection.ALL : selection;
    }

    /** A model whose run kept every song (and every model stored before selections existed). */
    public StoredModel(String runId, String model, NetworkShape shape, HyperParameters hyperParameters, Map<String, String> provenance) {
        this(runId, model, shape, hyperParameters, provenance, SongSelection.ALL);
    }
}
