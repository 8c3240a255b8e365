package dev.musicluster.clustering.messaging;

import dev.musicluster.clustering.app.ActiveClustering;
import dev.musicluster.clustering.app.ClusteringSettings;
import dev.musicluster.clustering.domain.algorithms.Partition;
import dev.musicluster.clustering.domain.evaluation.ResultTables;
import dev.musicluster.contracts.Topics;
import dev.musicluster.contracts.events.EventCodec;
import dev.musicluster.contracts.events.ModelTrained;
import dev.musicluster.contracts.storage.ObjectKeys;
import dev.musicluster.contracts.tensor.NpyFormat;
import dev.musicluster.kit.CompactedTopicReader;
import dev.musicluster.kit.ObjectStore;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * At start: the active clustering is rebuilt from the newest primary model on {@code models.trained} that has been
 * clustered (its latents and its assignments table in the store), so new songs are assigned after a restart too.
 */
@ApplicationScoped
public class ActiveClusteringRestore {

    private static final Logger LOG = Logger.getLogger(ActiveClusteringRestore.class);

    void onStart(@Observes StartupEvent start, CompactedTopicReader topics, ObjectStore store, ActiveClustering active,
                 ClusteringSettings settings) {
        try {
            Optional<ModelTrained> newest = topics.read(Topics.MODELS_TRAINED.name()).values().stream()
                    .map(json -> EventCodec.fromJson(json, ModelTrained.class)).filter(ModelTrained::primary)
                    .max(Comparator.comparing(ModelTrained::trainedAt));
            if (newest.isEmpty()) {
                return;
            }
            ModelTrained model = newest.get();
            String table = ObjectKeys.results(model.runId(), "assignments-" + model.model() + ".csv");
            if (!store.exists(table)) {
                return; // not clustered yet: its record is still to be processed
            }
            String algorithm = settings.algorithms().get(0);
            Map<String, Integer> clusters = ResultTables.column(new String(store.get(table), StandardCharsets.UTF_8),
                    model.model() + "/" + algorithm);
            List<String> ids = new String(store.get(model.idsKey()), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
            if (clusters.size() != ids.size()) {
                LOG.warnf("run %s: assignments of %s under %s do not cover its %d songs; not restored", model.runId(),
                        model.model(), algorithm, ids.size());
                return;
            }
            int[] labels = ids.stream().mapToInt(clusters::get).toArray();
            double[][] latents = NpyFormat.fromBytes(store.get(model.latentsKey())).toDoubleRows();
            active.activate(model.runId(), model.model(), algorithm, ids, latents, Partition.of(labels));
            LOG.infof("active clustering: %s/%s under %s", model.runId(), model.model(), algorithm);
        } catch (Exception e) {
            LOG.errorf(e, "could not restore the active clustering; new songs wait for the next clustering");
        }
    }
}
