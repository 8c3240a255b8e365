package dev.musicluster.gateway.ingest;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
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
