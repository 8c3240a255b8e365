package dev.musicluster.training.app;

import dev.musicluster.contracts.events.LatentEncoded;
import dev.musicluster.contracts.events.ModelTrained;
import dev.musicluster.contracts.events.TrainingProgress;

/** Where training's events go; each call returns once the broker has the event. */
public interface Publisher {

    void progress(TrainingProgress event);

    void trained(ModelTrained event);

    void latents(java.util.List<LatentEncoded> events);

    /** A removed song's latent: its tombstone. */
    void latentRemoved(String songId);
}
