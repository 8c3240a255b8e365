package dev.musicluster.gateway.ingest;

import dev.musicluster.contracts.SongId;
import dev.musicluster.contracts.storage.ObjectKeys;
import dev.musicluster.gateway.domain.SongCatalog;
import dev.musicluster.gateway.messaging.SongEvents;
import dev.musicluster.kit.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;

/**
 * Takes a song out of the pipeline: its stored audio and lyrics deleted, then its tombstone on {@code songs.ingested},
 * which the feature and embedding services follow by deleting their own objects and publishing tombstones of their own,
 * and so on down to the clusters (docs/library.md). In this order a removal that fails half-way is simply asked
 * again: the song is still listed until its tombstone is acknowledged.
 */
@ApplicationScoped
public class SongRemoval {

    private final ObjectStore store;
    private final SongEvents events;
    private final SongCatalog catalog;

    public SongRemoval(ObjectStore store, SongEvents events, SongCatalog catalog) {
        this.store = store;
        this.events = events;
        this.catalog = catalog;
    }

    /** Removes a known song; an unknown id is refused (404), so a removal twice says the second time it did nothing. */
    public void remove(String songId) throws IOException {
        String id = SongId.require(songId);
        if (catalog.find(id).isEmpty()) {
            throw new IngestRejected(404, "no song with id " + id);
        }
        store.deleteAll(ObjectKeys.rawPrefix(id));
        events.remove(id);
        catalog.removed(id);
    }
}
