package dev.musicluster.demo;

import java.nio.file.Path;
import java.util.Map;

/**
 * One song to ingest.
 *
 * @param id     the song id, or null to let the gateway derive it from the audio
 * @param lyrics the lyrics, or null for an audio-only song
 * @param labels label columns (language, genre, style...): for scoring, never for clustering
 */
public record ManifestEntry(String id, Path audio, String title, String artist, String lyrics, Map<String, String> labels) {

    public ManifestEntry {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
