package dev.musicluster.training.app;

import dev.musicluster.contracts.events.AudioFeaturesExtracted;
import dev.musicluster.contracts.events.EventCodec;
import dev.musicluster.contracts.events.LyricsEmbedded;
import dev.musicluster.contracts.events.SongIngested;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the pipeline knows of each song, as far as training is concerned: its features, its lyrics embedding and
 * its labels (only a conditional model reads one of them, the column the user names).
 */
public final class SongState {

    private final Map<String, AudioFeaturesExtracted> features = new HashMap<>();
    private final Map<String, LyricsEmbedded> lyrics = new HashMap<>();
    private final Map<String, Map<String, String>> labels = new HashMap<>();

    /** The state from the compacted topics' latest values (JSON by song id). */
    public static SongState of(Map<String, String> features, Map<String, String> lyrics, Map<String, String> songs) {
        SongState state = new SongState();
        features.values().forEach(json -> state.put(EventCodec.fromJson(json, AudioFeaturesExtracted.class)));
        lyrics.values().forEach(json -> state.put(EventCodec.fromJson(json, LyricsEmbedded.class)));
        songs.values().forEach(json -> state.put(EventCodec.fromJson(json, SongIngested.class)));
        return state;
    }

    public synchronized void put(AudioFeaturesExtracted event) {
        features.put(event.songId(), event);
    }

    public synchronized void put(LyricsEmbedded event) {
        lyrics.put(event.songId(), event);
    }

    public synchronized void put(SongIngested event) {
        labels.put(event.songId(), event.labels());
    }

    /** Forgets a removed song. */
    public synchronized void remove(String songId) {
        features.remove(songId);
        lyrics.remove(songId);
        labels.remove(songId);
    }

    /** Songs with features, sorted: the rows of a data set, in a stable order. */
    public synchronized List<String> songsWithFeatures() {
        return features.keySet().stream().sorted().toList();
    }

    public synchronized AudioFeaturesExtracted features(String songId) {
        return features.get(songId);
    }

    public synchronized LyricsEmbedded lyrics(String songId) {
        return lyrics.get(songId);
    }

    public synchronized Map<String, String> labels(String songId) {
        return labels.getOrDefault(songId, Map.of());
    }

    public synchronized String label(String songId, String column) {
        return labels.getOrDefault(songId, Map.of()).get(column);
    }
}
