package dev.musicluster.contracts.events;

/**
 * An event of the pipeline. Each carries the schema version it was written with, so a consumer can refuse (and
 * dead-letter) a version it does not understand instead of misreading it.
 */
public interface Event {

    int schemaVersion();

    /** The Kafka record key: the song id for per-song events, the run id for per-run events. */
    String key();
}
