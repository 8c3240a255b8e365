package dev.musicluster.training.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "musicluster.training")
public interface TrainingSettings {

    /** auto (a GPU when PyTorch sees one), cpu or gpu. */
    @WithDefault("auto")
    String device();

    /** Spectrograms fetched from the object store at once while a data set is assembled. */
    @WithDefault("8")
    int downloadThreads();

    /** Songs whose original and reconstructed log-mel are stored with a spectrogram model, for the report. */
    @WithDefault("4")
    int reconstructions();
}
