package dev.musicluster.training.domain.model;

import dev.musicluster.training.domain.data.LogMelPooling;

/**
 * What a named model is: its input, whether its latent is variational, the KL weight and schedule, whether it is
 * conditioned, its prior. Every model of the family is one network shape with these switches.
 *
 * @param components Gaussians of a learned mixture prior; 0 for the standard normal prior
 * @param vector     the song vector a dense input reads (null in models stored before it existed: the summary)
 */
public record ModelSpec(ModelKind kind, Input input, boolean variational, double beta, int klWarmup, double capacity,
                        boolean conditional, int latent, double lyricsWeight, int components, SongVector vector) {

    public ModelSpec {
        vector = vector == null ? SongVector.SUMMARY : vector;
    }

    public static ModelSpec of(ModelKind kind, HyperParameters hp) {
        ModelSpec spec = family(kind, hp);
        // A model that reads the spectrogram reads no song vector: the summary, which every song has, stands in.
        SongVector vector = kind == ModelKind.MUSICNN ? SongVector.MUSICNN : spec.input.usesLogMel() ? SongVector.SUMMARY : hp.songVector();
        return new ModelSpec(kind, spec.input, spec.variational, spec.beta, spec.klWarmup, spec.capacity, spec.conditional,
                spec.latent, spec.lyricsWeight, spec.components, vector);
    }

    private static ModelSpec family(ModelKind kind, HyperParameters hp) {
        return switch (kind) {
            case MUSICNN -> new ModelSpec(kind, Input.SUMMARY, false, 0.0, 0, 0, false, MUSICNN_WIDTH, 0, 0, null);
            case VAE -> new ModelSpec(kind, Input.SUMMARY, true, 1.0, hp.klWarmup(), 0, false, hp.latent(), hp.lyricsWeight(), 0, null);
            case CONV_VAE -> new ModelSpec(kind, Input.LOG_MEL, true, 1.0, hp.klWarmup(), 0, false, hp.latent(), hp.lyricsWeight(), 0, null);
            case HYBRID_VAE -> new ModelSpec(kind, hp.hybridInput(), true, 1.0, hp.klWarmup(), 0, false, hp.latent(), hp.lyricsWeight(), 0, null);
            case BETA_VAE -> new ModelSpec(kind, family(hp.betaBase(), hp).input(), true, hp.beta(), hp.klWarmup(),
                    hp.capacity(), false, hp.latent(), hp.lyricsWeight(), 0, null);
            case CVAE -> new ModelSpec(kind, Input.SUMMARY, true, 1.0, hp.klWarmup(), 0, true, hp.latent(), hp.lyricsWeight(), 0, null);
            case AE -> new ModelSpec(kind, Input.SUMMARY, false, 0.0, 0, 0, false, hp.latent(), hp.lyricsWeight(), 0, null);
            case CONTRASTIVE -> new ModelSpec(kind, Input.LOG_MEL, false, 0.0, 0, 0, false, hp.latent(), hp.lyricsWeight(), 0, null);
            case VADE -> new ModelSpec(kind, Input.SUMMARY, true, 1.0, hp.klWarmup(), 0, false, hp.latent(), hp.lyricsWeight(),
                    hp.components(), null);
        };
    }

    /** The width of musicnn's two embeddings together. */
    public static final int MUSICNN_WIDTH = 400;

    /** Whether the model is not trained here: a pretrained representation, standardised. */
    public boolean pretrained() {
        return kind == ModelKind.MUSICNN;
    }

    /** Whether the model learns by contrasting crops rather than by reconstructing its input. */
    public boolean contrastive() {
        return kind == ModelKind.CONTRASTIVE;
    }

    /** Whether the latent's prior is a learned Gaussian mixture rather than the standard normal. */
    public boolean mixturePrior() {
        return components > 0;
    }

    /** Whether the model has a decoder, hence reconstructions of its input to show. */
    public boolean reconstructs() {
        return !contrastive() && !pretrained();
    }

    /** How the model reads a song's log-mel under these hyper-parameters. */
    public LogMelPooling pooling(HyperParameters hp) {
        return pooling(contrastive() ? hp.songFrames() : hp.melFrames());
    }

    /**
     * How the model reads a song's log-mel at {@code frames} frames (a trained network's): the contrastive model at a
     * fixed rate, so that its crops are the same seconds of music in every song; the others the whole window.
     */
    public LogMelPooling pooling(int frames) {
        return !input.usesLogMel() ? LogMelPooling.NONE : contrastive() ? LogMelPooling.perMinute(frames) : LogMelPooling.window(frames);
    }

    /** The KL weight in a given epoch (0-based): β, ramped linearly over the warm-up epochs. */
    public double klWeight(int epoch) {
        if (!variational) {
            return 0;
        }
        return klWarmup == 0 ? beta : beta * Math.min(1.0, (epoch + 1) / (double) klWarmup);
    }
}
