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

    /**
     * Above this many songs a model that reads spectrograms trains on a seeded sample of this many and encodes every
     * song a batch at a time afterwards; the provenance says so ({@code data.trained-on}). Its training set holds
     * every song's pooled log-mel (128 × mel-frames floats: 64 KB at 128 frames; 0.5 GB at 8,000 songs) as one array,
     * on the heap and again as a tensor.
     */
    @WithDefault("8000")
    int maxSpectrogramSongs();

    /** Songs whose original and reconstructed log-mel are stored with a spectrogram model, for the report. */
    @WithDefault("4")
    int reconstructions();
}
