package dev.musicluster.contracts.events;

import java.time.Instant;
import java.util.Map;

/**
 * A song's audio is in the store and its metadata is known. Published by the gateway on {@code songs.ingested},
 * compacted by song id: the latest event per song is the song.
 *
 * @param audioKey    object key of the raw audio ({@code raw/{songId}/audio.{ext}})
 * @param audioFormat container format sniffed from the bytes: wav, aiff, au, mp3, ogg, flac, m4a
 * @param audioSha256 hex SHA-256 of the audio bytes; re-ingesting identical content is a no-op
 * @param lyrics      lyrics inline when short; null when absent or when stored under {@code lyricsKey}
 * @param lyricsKey   object key of lyrics too long to travel inline, else null
 * @param labels      user-supplied label columns (language, genre, style...): for scoring only, never for clustering
 * @param revision    hex SHA-256 over audio and metadata: equal revisions are the same song, re-sent
 * @param source      where the audio lies in the user's library, relative to its root, or null when not given
 * @param details     album, album artist, track, year and MusicBrainz recording id, as the file's tags say; null when
 *                    none is known
 */
public record SongIngested(
        int schemaVersion,
        String songId,
        String title,
        String artist,
        String audioKey,
        String audioFormat,
        long audioBytes,
        String audioSha256,
        String lyrics,
        String lyricsKey,
        Map<String, String> labels,
        String revision,
        Instant ingestedAt,
        String source,
        TrackDetails details) implements Event {

    public static final int SCHEMA_VERSION = 1;

    public SongIngested {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** A song without track details. */
    public SongIngested(int schemaVersion, String songId, String title, String artist, String audioKey, String audioFormat,
                        long audioBytes, String audioSha256, String lyrics, String lyricsKey, Map<String, String> labels,
                        String revision, Instant ingestedAt, String source) {
        this(schemaVersion, songId, title, artist, audioKey, audioFormat, audioBytes, audioSha256, lyrics, lyricsKey, labels,
                revision, ingestedAt, source, null);
    }

    /** A song whose place in a library is not known. */
    public SongIngested(int schemaVersion, String songId, String title, String artist, String audioKey, String audioFormat,
                        long audioBytes, String audioSha256, String lyrics, String lyricsKey, Map<String, String> labels,
                        String revision, Instant ingestedAt) {
        this(schemaVersion, songId, title, artist, audioKey, audioFormat, audioBytes, audioSha256, lyrics, lyricsKey, labels,
                revision, ingestedAt, null);
    }

    /**
     * What identifies the song's lyrics: the SHA-256 of inline lyrics, the revision for lyrics too long to travel
     * inline (stored under a key the revision names), "none" without lyrics. Equal identities, equal lyrics.
     */
    public String lyricsIdentity() {
        if (lyrics != null && !lyrics.isBlank()) {
            return "sha256:" + dev.musicluster.contracts.SongId.sha256Hex(lyrics);
        }
        return lyricsKey != null ? "revision:" + revision : "none";
    }

    public boolean hasLyrics() {
        return (lyrics != null && !lyrics.isBlank()) || lyricsKey != null;
    }

    @Override
    public String key() {
        return songId;
    }
}
