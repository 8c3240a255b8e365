package dev.musicluster.training.messaging;

import dev.musicluster.contracts.Topics;
import dev.musicluster.contracts.events.EventCodec;
import dev.musicluster.contracts.events.LatentEncoded;
import dev.musicluster.contracts.events.ModelTrained;
import dev.musicluster.kit.CompactedTopicReader;
import dev.musicluster.training.app.ModelRepository;
import dev.musicluster.training.app.OnlineEncoding;
import dev.musicluster.training.app.TrainingSettings;
import dev.musicluster.training.domain.network.Devices;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * At start, before the live view replays: the active model is the newest primary model on {@code models.trained}
 * (loaded from the store), and the songs whose latest latent on {@code latents} is already under it are not
 * encoded again.
 */
@ApplicationScoped
public class ActiveModelRestore {

    private static final Logger LOG = Logger.getLogger(ActiveModelRestore.class);

    void onStart(@Observes StartupEvent start, CompactedTopicReader topics, ModelRepository models, OnlineEncoding online,
                 TrainingSettings settings, KafkaPublisher publisher) {
        try {
            List<ModelTrained> primaries = topics.read(Topics.MODELS_TRAINED.name()).values().stream()
                    .map(json -> EventCodec.fromJson(json, ModelTrained.class)).filter(ModelTrained::primary)
                    .sorted(Comparator.comparing(ModelTrained::trainedAt)).toList();
            if (primaries.isEmpty()) {
                return;
            }
            // Which model encoded each song, decoded as read: the topic's JSON is 4.6 KB a song (460 MB at 100,000).
            Map<String, String> encodedWith = topics.snapshot(Topics.LATENTS.name(), json -> {
                LatentEncoded latent = EventCodec.fromJson(json, LatentEncoded.class);
                return latent.runId() + "/" + latent.model();
            }).latest();
            online.alreadyEncoded(encodedWith);
            ModelTrained newest = primaries.get(primaries.size() - 1);
            online.activate(models.config(newest.runId(), newest.model()),
                    models.load(newest.runId(), newest.model(), Devices.pick(settings.device())), List.of(), publisher);
            LOG.infof("active model: %s/%s", newest.runId(), newest.model());
        } catch (Exception e) {
            // Training still works; new songs wait for the next run's model.
            LOG.errorf(e, "could not restore the active model");
        }
    }
}
