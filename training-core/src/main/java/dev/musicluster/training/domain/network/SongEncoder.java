package dev.musicluster.training.domain.network;

import dev.musicluster.training.domain.data.Normalisation;
import dev.musicluster.training.domain.data.TrainingSet;
import java.util.List;

/**
 * What turns a song into its latent: a network trained here ({@link TrainedNetwork}) or a pretrained representation
 * read as it is ({@link PretrainedEncoder}). Stored and restored with its shape and normalisation.
 */
public interface SongEncoder extends AutoCloseable {

    NetworkShape shape();

    Normalisation normalisation();

    /** Every epoch of its training; empty for a pretrained representation. */
    List<EpochResult> history();

    /** One latent row per song of the set. */
    float[][] encode(TrainingSet set);

    /** Its parameters in DJL's format (empty when nothing was learned here). */
    byte[] parameters();

    /** The audio input of every song as reconstructed from its latent; only for models with a decoder. */
    float[] reconstructAudio(TrainingSet set);

    @Override
    void close();
}
