package dev.musicluster.contracts.events;

import java.time.Instant;
import java.util.Map;

/**
 * A song's lyrics as a vector, with the language they are in. A song without lyrics gets one too, with
 * {@code hasLyrics} false and no vector: audio-only is a state, not an error. Compacted by song id.
 *
 * @param songRevision   the {@link SongIngested#revision()} the lyrics were read from (null in events written before
 *                       it was recorded)
 * @param languageShares share of the text per detected language, for mixed-language lyrics
 * @param lyricsIdentity the {@link SongIngested#lyricsIdentity()} the vector was computed from (null in events written
 *                       before it was recorded): a song retagged with the same lyrics keeps its vector
 */
public record LyricsEmbedded(
        int schemaVersion,
        String songId,
        String songRevision,
        boolean hasLyrics,
        float[] vector,
        int dimension,
        String embedderId,
        String embedderVersion,
        String language,
        double languageConfidence,
        Map<String, Double> languageShares,
        int tokenCount,
        boolean truncated,
        Instant embeddedAt,
        String lyricsIdentity) implements Event {

    public static final int SCHEMA_VERSION = 1;

    /** An event that does not record what lyrics it was computed from. */
    public LyricsEmbedded(int schemaVersion, String songId, String songRevision, boolean hasLyrics, float[] vector, int dimension,
                          String embedderId, String embedderVersion, String language, double languageConfidence,
                          Map<String, Double> languageShares, int tokenCount, boolean truncated, Instant embeddedAt) {
        this(schemaVersion, songId, songRevision, hasLyrics, vector, dimension, embedderId, embedderVersion, language, languageConfidence,
                languageShares, tokenCount, truncated, embeddedAt, null);
    }

    @Override
    public String key() {
        return songId;
    }
}
