package dev.musicluster.contracts.events;

/**
 * Record headers on dead-letter topics. The names are SmallRye Reactive Messaging's, so records it dead-letters
 * and records a service dead-letters itself read the same.
 */
public final class DeadLetters {

    public static final String REASON = "dead-letter-reason";
    public static final String CAUSE = "dead-letter-cause";
    public static final String TOPIC = "dead-letter-topic";
    public static final String STAGE = "dead-letter-stage";

    private DeadLetters() {
    }
}
