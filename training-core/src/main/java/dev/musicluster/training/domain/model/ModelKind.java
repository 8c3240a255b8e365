package dev.musicluster.training.domain.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The models a training request can name. */
public enum ModelKind {
    /**
     * Not trained here: musicnn's pretrained embeddings (MSD and MTT, 400 values, computed by the feature service),
     * standardised per column on the run's songs. The default primary representation (docs/musicnn.md).
     */
    MUSICNN("musicnn"),
    /** Dense VAE on the standardised per-song summary vector. */
    VAE("vae"),
    /** Convolutional VAE on the log-mel spectrogram. */
    CONV_VAE("conv-vae"),
    /**
     * Audio encoder (dense on the summary vector, or convolutional on the log-mel: {@code hybrid-audio}) and lyrics
     * encoder fused into one latent; songs without lyrics are masked.
     */
    HYBRID_VAE("hybrid-vae"),
    /** Any of the three above with a weighted (β) KL term, optionally annealed or capacity-controlled. */
    BETA_VAE("beta-vae"),
    /** The dense VAE conditioned on a categorical column the user names, in encoder and decoder. */
    CVAE("cvae"),
    /** Deterministic autoencoder on the summary vector: the baseline without a KL term. */
    AE("ae"),
    /**
     * Convolutional encoder trained without reconstruction: SimCLR's NT-Xent on pairs of augmented log-mel crops of
     * one song; a song's latent is the encoder's output over the whole song (the mean over its crops).
     */
    CONTRASTIVE("contrastive"),
    /**
     * Variational deep embedding: the dense VAE on the summary vector with a learned Gaussian-mixture prior, so that
     * the latent is pulled into {@code components} groups while it is learned (the clustering service then clusters
     * it like any other model's).
     */
    VADE("vade");

    private final String id;

    ModelKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static ModelKind of(String id) {
        for (ModelKind kind : values()) {
            if (kind.id.equals(id.trim().toLowerCase(java.util.Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown model '" + id + "'; known: "
                + Arrays.stream(values()).map(ModelKind::id).collect(Collectors.joining(", ")));
    }
}
