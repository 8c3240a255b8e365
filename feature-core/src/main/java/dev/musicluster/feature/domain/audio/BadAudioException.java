package dev.musicluster.feature.domain.audio;

/**
 * Audio that will never yield features, whatever the retries: empty, truncated, not audio, silent, too short, too
 * long, an unsupported codec. The message is the reason a person reads on the dead letter and the song's status.
 */
public class BadAudioException extends RuntimeException {

    public BadAudioException(String reason) {
        super(reason);
    }

    public BadAudioException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
