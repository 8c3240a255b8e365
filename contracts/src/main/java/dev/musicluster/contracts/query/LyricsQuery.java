package dev.musicluster.contracts.query;

/**
 * A search text to embed like lyrics: the body of the embedding service's {@code POST /api/embeddings}, which the
 * gateway's search calls.
 */
public record LyricsQuery(String text) {

    /** A query is a line or a verse, not a book. */
    public static final int MAX_CHARS = 10_000;
}
