package dev.musicluster.gateway.ingest;

/**
 * What an upload did.
 *
 * @param created false when the same song (same audio and metadata) was already ingested: nothing was re-sent
 */
public record IngestOutcome(String id, boolean created) {
}
