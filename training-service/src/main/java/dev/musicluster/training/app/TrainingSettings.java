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
     * song a batch at a time afterwards; the provenance says so ({@code data.trained-on}). Two costs set it: its
     * training set holds every song's pooled log-mel (128 × mel-frames floats, 64 KB at 128 frames) as one array, on
     * the heap and again as a tensor; and an epoch of the default run's spectrogram models costs about 25–30 ms a song
     * on 2 cores (conv-vae 59 s, beta-vae 48 s an epoch at 2,000 songs), so their training stops growing with the
     * library here (docs/scale.md).
     */
    @WithDefault("2000")
    int maxSpectrogramSongs();

    /**
     * Above this many songs every model trains on a seeded sample of this many (the spectrogram models on a sample of
     * that sample) and encodes every song a batch at a time afterwards. An epoch of a dense model costs 0.2–0.3 ms a
     * song alone (docs/performance.md) and about 1.4 ms in the scale harness beside the other services (docs/scale.md),
     * so 40 epochs on every song of 100,000 would cost each model 15 minutes to 1½ hours on 2 cores; a model of
     * a few hundred inputs learns what it can from 10,000 songs, and the standardisation it was fitted with travels
     * with it, so every other song is encoded as a later song would be.
     */
    @WithDefault("10000")
    int maxTrainingSongs();

    /** Songs whose original and reconstructed log-mel are stored with a spectrogram model, for the report. */
    @WithDefault("4")
    int reconstructions();
}
