package dev.musicluster.gateway.ingest;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.musicluster.contracts.events.TrackDetails;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON part of an upload. Fields other than id, title, artist, lyrics and labels are taken as labels too, so
 * {@code {"title": "x", "language": "en", "genre": "rock"}} works as a manifest row would.
 */
@Schema(description = "Song metadata; any extra string field is a label (language, genre...)")
public class SongMetadata {

    @Schema(description = "Song id ([A-Za-z0-9._-]{1,128}); derived from the audio when absent")
    public String id;
    public String title;
    public String artist;
    @Schema(description = "Lyrics in any language; absent or empty for an audio-only song")
    public String lyrics;
    @Schema(description = "Where the audio lies in the user's library, relative to its root (a manifest's audio column): "
            + "playlists for a local library point there")
    public String source;
    @Schema(description = "The album, as the file's tags say")
    public String album;
    @Schema(description = "The album's artist, as the file's tags say")
    public String albumArtist;
    @Schema(description = "The track number, as the file's tags say (\"3\" or \"3/12\")")
    public String track;
    @Schema(description = "The year, as the file's tags say")
    public String year;
    @Schema(description = "The MusicBrainz recording id, as the file's tags say")
    public String musicBrainzRecordingId;
    @Schema(description = "Label columns, used only to score clusters")
    private final Map<String, String> labels = new LinkedHashMap<>();

    /** Merges rather than replaces, so labels given as top-level fields and in "labels" both count. */
    @JsonProperty("labels")
    void setLabels(Map<String, String> given) {
        if (given != null) {
            labels.putAll(given);
        }
    }

    @JsonProperty("labels")
    public Map<String, String> getLabels() {
        return labels;
    }

    @JsonAnySetter
    void label(String name, Object value) {
        if (value != null) {
            labels.put(name, String.valueOf(value));
        }
    }

    /** The album, track, year and recording id, each stripped; null when none is given. */
    @JsonIgnore
    public TrackDetails details() {
        TrackDetails details = new TrackDetails(clean(album), clean(albumArtist), clean(track), clean(year), clean(musicBrainzRecordingId));
        return details.isEmpty() ? null : details;
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @JsonIgnore
    public Map<String, String> allLabels() {
        Map<String, String> clean = new LinkedHashMap<>();
        labels.forEach((name, value) -> {
            if (name != null && !name.isBlank() && value != null && !value.isBlank()) {
                clean.put(name.strip(), value.strip());
            }
        });
        return clean;
    }
}
