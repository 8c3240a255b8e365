package dev.musicluster.gateway.library;

/**
 * The gateway's view has replayed every topic to where it ended at start: what the library's first readers would wait
 * for can be made now.
 */
public record ViewCaughtUp() {
}
