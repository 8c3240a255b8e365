package dev.musicluster.clustering.app;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every song's label columns, projected from {@code songs.ingested}. Used only to score clusterings after they are
 * made; nothing here reaches an algorithm.
 */
@Singleton
public class SongLabels {

    private final Map<String, Map<String, String>> labels = new ConcurrentHashMap<>();

    public SongLabels(MeterRegistry registry) {
        registry.gauge("musicluster.clustering.labelled.songs", labels, Map::size);
    }

    public void put(String songId, Map<String, String> songLabels) {
        labels.put(songId, Map.copyOf(songLabels));
    }

    /** Column → value per id (null where a song has no value), for every column any of the songs has. */
    public Map<String, List<String>> columns(List<String> ids) {
        TreeSet<String> names = new TreeSet<>();
        ids.forEach(id -> names.addAll(labels.getOrDefault(id, Map.of()).keySet()));
        Map<String, List<String>> columns = new java.util.LinkedHashMap<>();
        for (String name : names) {
            List<String> values = new ArrayList<>(ids.size());
            ids.forEach(id -> values.add(labels.getOrDefault(id, Map.of()).get(name)));
            columns.put(name, values);
        }
        return columns;
    }
}
