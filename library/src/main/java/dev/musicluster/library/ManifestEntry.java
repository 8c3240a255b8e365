package dev.musicluster.library;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One song to ingest.
 *
 * @param id     the song id, or null to let the gateway derive it from the audio
 * @param lyrics the lyrics, or null for an audio-only song
 * @param labels label columns (language, genre, style...): for scoring, never for clustering
 * @param source where the audio lies in its library, relative to the manifest's folder (as its {@code audio} column
 *               says), or null: a local library's playlists point there
 * @param tags   what the file's own tags say, or null when they were not read
 */
public record ManifestEntry(String id, Path audio, String title, String artist, String lyrics, Map<String, String> labels,
                            String source, AudioTags tags) {

    public ManifestEntry {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** An entry whose file's tags were not read. */
    public ManifestEntry(String id, Path audio, String title, String artist, String lyrics, Map<String, String> labels, String source) {
        this(id, audio, title, artist, lyrics, labels, source, null);
    }

    /** An entry whose place in a library is not known. */
    public ManifestEntry(String id, Path audio, String title, String artist, String lyrics, Map<String, String> labels) {
        this(id, audio, title, artist, lyrics, labels, null, null);
    }

    public ManifestEntry withTags(AudioTags read) {
        return new ManifestEntry(id, audio, title, artist, lyrics, labels, source, read);
    }

    /**
     * The song as it is sent: the manifest's columns where it has them, the file's tags where it does not (the tag
     * genre as the {@code genre} label), the file's name as the title when neither has one.
     */
    public SongDescription description() {
        AudioTags read = tags == null ? AudioTags.NONE : tags;
        Map<String, String> merged = new HashMap<>(labels);
        if (read.genre() != null) {
            merged.putIfAbsent(LibraryFileReader.GENRE_LABEL, read.genre());
        }
        String name = audio.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        return new SongDescription(first(title, read.title(), name), first(artist, read.artist()), read.album(), read.albumArtist(),
                read.track(), read.year(), read.musicBrainzRecordingId(), first(lyrics, read.lyrics()), merged, source);
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
