package dev.musicluster.library;

import java.nio.file.Path;
import java.util.Map;

/**
 * One song to ingest.
 *
 * @param id     the song id, or null to let the gateway derive it from the audio
 * @param lyrics the lyrics, or null for an audio-only song
 * @param labels label columns (language, genre, style...): for scoring, never for clustering
 * @param source where the audio lies in its library, relative to the manifest's folder (as its {@code audio} column
 *               says), or null: a local library's playlists point there
 */
public record ManifestEntry(String id, Path audio, String title, String artist, String lyrics, Map<String, String> labels,
                            String source) {

    public ManifestEntry {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** An entry whose place in a library is not known. */
    public ManifestEntry(String id, Path audio, String title, String artist, String lyrics, Map<String, String> labels) {
        this(id, audio, title, artist, lyrics, labels, null);
    }
}
