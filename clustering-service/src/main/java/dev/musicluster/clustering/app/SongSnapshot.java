package dev.musicluster.clustering.app;

import dev.musicluster.contracts.Topics;
import dev.musicluster.contracts.events.AudioFeaturesExtracted;
import dev.musicluster.contracts.events.EventCodec;
import dev.musicluster.contracts.events.LyricsEmbedded;
import dev.musicluster.contracts.events.SongIngested;
import dev.musicluster.kit.CompactedTopicReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the pipeline knows of a run's songs, read from the compacted topics when the run is clustered: the labels
 * (for scoring only, never for clustering) and musicnn's tags of every song, and for the songs the baselines are
 * built on their summary vectors, lyrics embeddings and musicnn embeddings. Each record is decoded as it is read and
 * only what is kept is held: at 100,000 songs the feature topic alone is about 880 MB of JSON.
 */
public final class SongSnapshot {

    private final Map<String, Map<String, String>> labels = new HashMap<>();
    private final Map<String, float[]> summaries = new HashMap<>();
    private final Map<String, float[]> lyrics = new HashMap<>();
    private final Map<String, float[]> musicnnTags = new HashMap<>();
    private final Map<String, float[]> musicnnEmbeddings = new HashMap<>();

    /** Labels and musicnn's tags of every song; summaries, lyrics and musicnn embeddings of {@code withFeatures}. */
    public static SongSnapshot read(CompactedTopicReader topics, Set<String> withFeatures) {
        SongSnapshot snapshot = new SongSnapshot();
        topics.forEach(Topics.SONGS_INGESTED.name(), record -> {
            if (record.value() == null) {
                snapshot.labels.remove(record.key());
            } else {
                SongIngested song = EventCodec.fromJson(record.value(), SongIngested.class);
                snapshot.labels.put(song.songId(), song.labels());
            }
        });
        topics.forEach(Topics.AUDIO_FEATURES.name(), record -> {
            snapshot.summaries.remove(record.key());
            snapshot.musicnnTags.remove(record.key());
            snapshot.musicnnEmbeddings.remove(record.key());
            if (record.value() == null) {
                return;
            }
            AudioFeaturesExtracted f = EventCodec.fromJson(record.value(), AudioFeaturesExtracted.class);
            boolean kept = withFeatures.contains(f.songId());
            if (kept) {
                snapshot.summaries.put(f.songId(), f.summary());
            }
            if (f.musicnn() != null) {
                snapshot.musicnnTags.put(f.songId(), f.musicnn().tags());
                if (kept) {
                    snapshot.musicnnEmbeddings.put(f.songId(), f.musicnn().embedding());
                }
            }
        });
        if (!withFeatures.isEmpty()) {
            topics.forEach(Topics.LYRICS_EMBEDDINGS.name(), record -> {
                snapshot.lyrics.remove(record.key());
                if (record.value() == null) {
                    return;
                }
                LyricsEmbedded l = EventCodec.fromJson(record.value(), LyricsEmbedded.class);
                if (l.hasLyrics() && l.vector() != null && withFeatures.contains(l.songId())) {
                    snapshot.lyrics.put(l.songId(), l.vector());
                }
            });
        }
        return snapshot;
    }

    /** Column → value per id (null where a song has no value), for every column any of the songs has. */
    public Map<String, List<String>> labelColumns(List<String> ids) {
        TreeSet<String> names = new TreeSet<>();
        ids.forEach(id -> names.addAll(labels.getOrDefault(id, Map.of()).keySet()));
        Map<String, List<String>> columns = new LinkedHashMap<>();
        for (String name : names) {
            List<String> values = new ArrayList<>(ids.size());
            ids.forEach(id -> values.add(labels.getOrDefault(id, Map.of()).get(name)));
            columns.put(name, values);
        }
        return columns;
    }

    /** Summary vectors in the order of {@code ids}; a song without features makes the baselines impossible. */
    public double[][] summaries(List<String> ids) {
        double[][] out = new double[ids.size()][];
        for (int i = 0; i < ids.size(); i++) {
            float[] summary = summaries.get(ids.get(i));
            if (summary == null) {
                throw new IllegalStateException("song " + ids.get(i) + " has no features on " + Topics.AUDIO_FEATURES.name());
            }
            out[i] = toDouble(summary);
        }
        return out;
    }

    /** Lyrics embeddings in the order of {@code ids}, null for songs without lyrics. */
    public double[][] lyrics(List<String> ids) {
        double[][] out = new double[ids.size()][];
        for (int i = 0; i < ids.size(); i++) {
            float[] vector = lyrics.get(ids.get(i));
            out[i] = vector == null ? null : toDouble(vector);
        }
        return out;
    }

    /** Whether every one of the songs has its musicnn representation. */
    public boolean hasMusicnn(List<String> ids) {
        return ids.stream().allMatch(musicnnTags::containsKey);
    }

    /** musicnn's 400-value embeddings in the order of {@code ids}, each of them one of the songs read with features. */
    public double[][] musicnnEmbeddings(List<String> ids) {
        return ids.stream().map(id -> toDouble(musicnnEmbeddings.get(id))).toArray(double[][]::new);
    }

    /** musicnn's 100 tag probabilities in the order of {@code ids}; every song must have them ({@link #hasMusicnn}). */
    public double[][] musicnnTags(List<String> ids) {
        return ids.stream().map(id -> toDouble(musicnnTags.get(id))).toArray(double[][]::new);
    }

    private static double[] toDouble(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
