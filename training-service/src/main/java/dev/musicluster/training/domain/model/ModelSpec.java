package dev.musicluster.training.domain.model;

import dev.musicluster.training.domain.data.LogMelPooling;

/**
 * What a named model is: its input, whether its latent is variational, the KL weight and schedule, whether it is
 * conditioned, its prior. Every model of the family is one network shape with these switches.
 *
 * @param components Gaussians of a learned mixture prior; 0 for the standard normal prior
 */
public record ModelSpec(ModelKind kind, Input input, boolean variational, double beta, int klWarmup, double capacity,
                        boolean conditional, int latent, double lyricsWeight, int components) {

    public static ModelSpec of(ModelKind kind, HyperParameters hp) {
        return switch (kind) {
            case VAE -> new ModelSpec(kind, Input.SUMMARY, true, 1.0, hp.klWarmup(), 0, false, hp.latent(), hp.lyricsWeight(), 0);
            case CONV_VAE -> new ModelSpec(kind, Input.LOG_MEL, true, 1.0, hp.klWarmup(), 0, false, hp.latent(), hp.lyricsWeight(), 0);
            case HYBRID_VAE -> new ModelSpec(kind, hp.hybridInput(), true, 1.0, hp.klWarmup(), 0, false, hp.latent(), hp.lyricsWeight(), 0);
            case BETA_VAE -> new ModelSpec(kind, of(hp.betaBase(), hp).input(), true, hp.beta(), hp.klWarmup(),
                    hp.capacity(), false, hp.latent(), hp.lyricsWeight(), 0);
            case CVAE -> new ModelSpec(kind, Input.SUMMARY, true, 1.0, hp.klWarmup(), 0, true, hp.latent(), hp.lyricsWeight(), 0);
            case AE -> new ModelSpec(kind, Input.SUMMARY, false, 0.0, 0, 0, false, hp.latent(), hp.lyricsWeight(), 0);
            case CONTRASTIVE -> new ModelSpec(kind, Input.LOG_MEL, false, 0.0, 0, 0, false, hp.latent(), hp.lyricsWeight(), 0);
            case VADE -> new ModelSpec(kind, Input.SUMMARY, true, 1.0, hp.klWarmup(), 0, false, hp.latent(), hp.lyricsWeight(),
                    hp.components());
        };
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
        return !contrastive();
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
