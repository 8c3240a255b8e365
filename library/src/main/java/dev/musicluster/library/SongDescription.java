package dev.musicluster.library;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a library file tells about its song, beside its audio: the tags' fields, its lyrics (from the tags or a
 * sidecar file), its labels (the tag genre, and a folder label where one is asked for; labels only score
 * clusterings) and where it lies in the library.
 */
public record SongDescription(String title, String artist, String album, String albumArtist, String track, String year,
                              String musicBrainzRecordingId, String lyrics, Map<String, String> labels, String source) {

    public SongDescription {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** SHA-256 over every field but the source: equal digests, the same metadata (a moved file keeps its digest). */
    public String metadataSha256() {
        String joined = String.join("\u0000", String.valueOf(title), String.valueOf(artist), String.valueOf(album),
                String.valueOf(albumArtist), String.valueOf(track), String.valueOf(year), String.valueOf(musicBrainzRecordingId),
                String.valueOf(lyrics), new TreeMap<>(labels).toString());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    public SongDescription at(String newSource) {
        return new SongDescription(title, artist, album, albumArtist, track, year, musicBrainzRecordingId, lyrics, labels, newSource);
    }
}
