package dev.musicluster.gateway.domain;

/** The stages a song passes through, in pipeline order. */
public enum Stage {
    INGESTED, FEATURES, LYRICS, LATENT, CLUSTER;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
