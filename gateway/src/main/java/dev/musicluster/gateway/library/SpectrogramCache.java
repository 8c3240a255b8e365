package dev.musicluster.gateway.library;

import dev.musicluster.contracts.tensor.NpyArray;
import dev.musicluster.contracts.tensor.NpyFormat;
import dev.musicluster.kit.ObjectStore;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The last few log-mel spectrograms read from the store (about 1.3 MB each), for the duplicates' second look. */
final class SpectrogramCache {

    private final ObjectStore store;
    private final Map<String, NpyArray> recent;

    SpectrogramCache(ObjectStore store, int capacity) {
        this.store = store;
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, NpyArray> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized NpyArray get(String key) throws IOException {
        NpyArray cached = recent.get(key);
        if (cached == null) {
            cached = NpyFormat.fromBytes(store.get(key));
            recent.put(key, cached);
        }
        return cached;
    }
}
