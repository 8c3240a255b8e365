package dev.musicluster.training.app;

import dev.musicluster.contracts.Topics;
import dev.musicluster.contracts.events.AudioFeaturesExtracted;
import dev.musicluster.contracts.events.EventCodec;
import dev.musicluster.contracts.events.LyricsEmbedded;
import dev.musicluster.contracts.events.SongIngested;
import dev.musicluster.kit.CompactedTopicReader;
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

    /**
     * The features and lyrics on the compacted topics, each event decoded as it is read and a tombstone forgetting what
     * came before it: holding every record's JSON first (880 MB at 100,000 songs, beside the decoded events) ran the
     * service out of heap in the scale harness.
     */
    public static SongState read(CompactedTopicReader topics) {
        SongState state = new SongState();
        topics.snapshot(Topics.AUDIO_FEATURES.name(), json -> EventCodec.fromJson(json, AudioFeaturesExtracted.class)).latest().values()
                .forEach(state::put);
        topics.snapshot(Topics.LYRICS_EMBEDDINGS.name(), json -> EventCodec.fromJson(json, LyricsEmbedded.class)).latest().values()
                .forEach(state::put);
        return state;
    }

    /** Adds every song's labels from the compacted topic of ingested songs, read as {@link #read} does. */
    public void readLabels(CompactedTopicReader topics) {
        topics.snapshot(Topics.SONGS_INGESTED.name(), json -> EventCodec.fromJson(json, SongIngested.class)).latest().values()
                .forEach(this::put);
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
