package dev.musicluster.contracts.events;

import java.time.Instant;

/** One finished epoch of one model of a run. Keyed by run id, so a run's progress stays in order. */
public record TrainingProgress(
        int schemaVersion,
        String runId,
        String model,
        int epoch,
        int epochs,
        double loss,
        double reconstruction,
        double kl,
        double seconds,
        Instant at) implements Event {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String key() {
        return runId;
    }
}
