package dev.musicluster.training.app;

import ai.djl.Device;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.musicluster.contracts.storage.ObjectKeys;
import dev.musicluster.kit.ObjectStore;
import dev.musicluster.training.domain.data.Normalisation;
import dev.musicluster.training.domain.model.HyperParameters;
import dev.musicluster.training.domain.network.PretrainedEncoder;
import dev.musicluster.training.domain.network.SongEncoder;
import dev.musicluster.training.domain.network.TrainedNetwork;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;

/**
 * Models in the object store, under {@code models/{runId}/{model}/}: {@code parameters.djl} (the checkpoint, DJL's
 * parameter format), {@code normalisation.json} and {@code config.json}.
 */
@ApplicationScoped
public class ModelRepository {

    private final ObjectStore store;
    private final ObjectMapper json;

    public ModelRepository(ObjectStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    public static String key(String runId, String model, String file) {
        return ObjectKeys.model(runId, model, file);
    }

    /** Stores the model; returns the checkpoint's key. */
    public String save(StoredModel config, SongEncoder network) throws IOException {
        String checkpoint = key(config.runId(), config.model(), "parameters.djl");
        store.put(checkpoint, network.parameters(), "application/octet-stream");
        store.put(key(config.runId(), config.model(), "normalisation.json"), json.writeValueAsBytes(network.normalisation()), "application/json");
        store.put(key(config.runId(), config.model(), "config.json"), json.writerWithDefaultPrettyPrinter().writeValueAsBytes(config), "application/json");
        return checkpoint;
    }

    /**
     * The model's stored configuration. Hyper-parameters added after the model was stored take their defaults: the
     * model was trained before they existed, so none of them shaped it, and the record refuses a missing value.
     */
    public StoredModel config(String runId, String model) throws IOException {
        ObjectNode stored = (ObjectNode) json.readTree(store.get(key(runId, model, "config.json")));
        ObjectNode hyperParameters = json.valueToTree(HyperParameters.DEFAULTS);
        if (stored.get("hyperParameters") instanceof ObjectNode own) {
            hyperParameters.setAll(own);
        }
        stored.set("hyperParameters", hyperParameters);
        return json.treeToValue(stored, StoredModel.class);
    }

    public SongEncoder load(String runId, String model, Device device) throws IOException {
        StoredModel config = config(runId, model);
        Normalisation normalisation = json.readValue(store.get(key(runId, model, "normalisation.json")), Normalisation.class);
        if (config.shape().spec().pretrained()) {
            return PretrainedEncoder.restore(config.shape(), normalisation);
        }
        return TrainedNetwork.restore(config.shape(), normalisation, store.get(key(runId, model, "parameters.djl")), device);
    }
}
