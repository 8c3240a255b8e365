package dev.musicluster.contracts.events;

/**
 * A record that can never be processed, however often it is retried: malformed JSON, an unknown schema version,
 * a missing field. It goes to the dead-letter topic with this message as the reason.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
