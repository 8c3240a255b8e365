package dev.musicluster.contracts.events;

import java.time.Instant;

/** A song's latent mean under one model of one run. Compacted by song id: the newest (active) model wins. */
public record LatentEncoded(
        int schemaVersion,
        String songId,
        String runId,
        String model,
        float[] latent,
        Instant encodedAt) implements Event {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String key() {
        return songId;
    }
}
