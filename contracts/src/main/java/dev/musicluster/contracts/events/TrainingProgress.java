package dev.musicluster.contracts.events;

import java.time.Instant;

/**
 * One finished epoch of one model of a run, the end of a model whose training failed, or how far a model trained on a
 * sample of the songs has encoded all of them. Keyed by run id, so a run's progress stays in order.
 *
 * @param failure null while the model trains; when its training failed (it diverged, it ran out of memory), why: the
 *                epoch is then the one it failed in, the losses those of the epoch before it (0 when there was none).
 *                The run goes on with its other models. Added without a new schema version: readers that do not know
 *                it see one more epoch.
 * @param encoded null while the model trains; after it trained on a sample of the songs, how many of all the songs
 *                have their latent so far (encoding a library of 100,000 takes minutes, and these events are the
 *                run's sign of life meanwhile); the epoch fields then repeat the last epoch's. Added without a new
 *                schema version, as {@code failure}.
 * @param toEncode with {@code encoded}, how many songs are being encoded; null otherwise
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
        String failure,
        Integer encoded,
        Integer toEncode) implements Event {

    public static final int SCHEMA_VERSION = 1;

    /** A finished epoch. */
    public TrainingProgress(int schemaVersion, String runId, String model, int epoch, int epochs, double loss,
                            double reconstruction, double kl, double seconds, Instant at) {
        this(schemaVersion, runId, model, epoch, epochs, loss, reconstruction, kl, seconds, at, null, null, null);
    }

    /** After the model's last epoch: {@code encoded} of the {@code toEncode} songs have their latent. */
    public static TrainingProgress encoding(TrainingProgress last, int encoded, int toEncode, Instant at) {
        return new TrainingProgress(SCHEMA_VERSION, last.runId(), last.model(), last.epoch(), last.epochs(), last.loss(),
                last.reconstruction(), last.kl(), last.seconds(), at, null, encoded, toEncode);
    }

    /** The model's training failed in {@code epoch}; {@code last} is the epoch before it, or null. */
    public static TrainingProgress failedIn(String runId, String model, int epoch, int epochs, TrainingProgress last, String reason,
                                          Instant at) {
        return new TrainingProgress(SCHEMA_VERSION, runId, model, epoch, epochs, last == null ? 0 : last.loss(),
                last == null ? 0 : last.reconstruction(), last == null ? 0 : last.kl(), 0, at, reason, null, null);
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
