package dev.musicluster.training.app;

import dev.musicluster.training.domain.model.HyperParameters;
import dev.musicluster.training.domain.network.NetworkShape;
import java.util.Map;

/**
 * A model's {@code config.json}: what to rebuild (shape), how it was trained (hyper-parameters) and from what
 * (provenance). Its parameters and normalisation are stored beside it.
 */
public record StoredModel(String runId, String model, NetworkShape shape, HyperParameters hyperParameters,
                          Map<String, String> provenance) {
}
