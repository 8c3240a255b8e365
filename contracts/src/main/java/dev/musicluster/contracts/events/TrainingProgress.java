package dev.musicluster.contracts.events;

import java.time.Instant;

/**
 * One finished epoch of one model of a run, or the end of a model whose training failed. Keyed by run id, so a run's
 * progress stays in order.
 *
 * @param failure null while the model trains; when its training failed (it diverged, it ran out of memory), why: the
 *                epoch is then the one it failed in, the losses those of the epoch before it (0 when there was none).
 *                The run goes on with its other models. Added without a new schema version: readers that do not know
 *                it see one more epoch.
 */
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
        Instant at,
        String failure) implements Event {

    public static final int SCHEMA_VERSION = 1;

    /** A finished epoch. */
    public TrainingProgress(int schemaVersion, String runId, String model, int epoch, int epochs, double loss,
                            double reconstruction, double kl, double seconds, Instant at) {
        this(schemaVersion, runId, model, epoch, epochs, loss, reconstruction, kl, seconds, at, null);
    }

    /** The model's training failed in {@code epoch}; {@code last} is the epoch before it, or null. */
    public static TrainingProgress failedIn(String runId, String model, int epoch, int epochs, TrainingProgress last, String reason,
                                          Instant at) {
        return new TrainingProgress(SCHEMA_VERSION, runId, model, epoch, epochs, last == null ? 0 : last.loss(),
                last == null ? 0 : last.reconstruction(), last == null ? 0 : last.kl(), 0, at, reason);
    }

    /** Whether the model's training failed (not a bean getter, so that JSON has only {@code failure}). */
    public boolean failed() {
        return failure != null;
    }

    @Override
    public String key() {
        return runId;
    }
}
