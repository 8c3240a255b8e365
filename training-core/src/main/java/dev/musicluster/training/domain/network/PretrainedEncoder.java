package dev.musicluster.training.domain.network;

import dev.musicluster.training.domain.data.FeatureScaler;
import dev.musicluster.training.domain.data.Normalisation;
import dev.musicluster.training.domain.data.TrainingSet;
import dev.musicluster.training.domain.model.ModelSpec;
import java.util.List;

/**
 * A pretrained representation (musicnn's embeddings) as a model of the run: nothing is learned here but each
 * column's mean and standard deviation over the run's songs, so that every column weighs alike in the clustering;
 * a new song is standardised with the same statistics.
 */
public final class PretrainedEncoder implements SongEncoder {

    private final NetworkShape shape;
    private final Normalisation normalisation;

    private PretrainedEncoder(NetworkShape shape, Normalisation normalisation) {
        this.shape = shape;
        this.normalisation = normalisation;
    }

    public static PretrainedEncoder fit(ModelSpec spec, TrainingSet set) {
        if (set.summaryWidth() != spec.latent()) {
            throw new IllegalArgumentException(spec.kind().id() + " reads " + spec.latent() + " values per song, the set has "
                    + set.summaryWidth());
        }
        FeatureScaler columns = FeatureScaler.fitColumns(set.summary(), set.summaryWidth(), null);
        return new PretrainedEncoder(new NetworkShape(spec, set.summaryWidth(), 0, 0, 0, 0), new Normalisation(columns, null, null, List.of()));
    }

    public static PretrainedEncoder restore(NetworkShape shape, Normalisation normalisation) {
        return new PretrainedEncoder(shape, normalisation);
    }

    @Override
    public NetworkShape shape() {
        return shape;
    }

    @Override
    public Normalisation normalisation() {
        return normalisation;
    }

    @Override
    public List<EpochResult> history() {
        return List.of();
    }

    @Override
    public float[][] encode(TrainingSet set) {
        int width = shape.summaryWidth();
        if (set.summaryWidth() != width) {
            throw new IllegalArgumentException("songs with " + set.summaryWidth() + " values for a representation of " + width);
        }
        float[] scaled = normalisation.summary().apply(set.summary(), 1);
        float[][] rows = new float[set.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = java.util.Arrays.copyOfRange(scaled, i * width, (i + 1) * width);
        }
        return rows;
    }

    @Override
    public byte[] parameters() {
        return new byte[0];
    }

    @Override
    public float[] reconstructAudio(TrainingSet set) {
        throw new IllegalStateException(shape.spec().kind().id() + " is pretrained: it has no decoder");
    }

    @Override
    public void close() {
        // Nothing native to release.
    }
}
