package dev.musicluster.gateway.domain;

import java.time.Instant;

/**
 * Where a song stands in one stage.
 *
 * @param detail what was produced (frames, language, cluster...) or, when failed, the reason
 */
public record StageStatus(State state, String detail, Instant at) {

    public enum State { PENDING, DONE, FAILED }

    public static StageStatus pending() {
        return new StageStatus(State.PENDING, null, null);
    }

    public static StageStatus done(String detail, Instant at) {
        return new StageStatus(State.DONE, detail, at);
    }

    public static StageStatus failed(String reason, Instant at) {
        return new StageStatus(State.FAILED, reason, at);
    }
}
