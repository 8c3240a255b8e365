package dev.musicluster.embedding.messaging;

import dev.musicluster.contracts.Topics;
import dev.musicluster.contracts.events.EventCodec;
import dev.musicluster.contracts.events.SongIngested;
import dev.musicluster.kit.CompactedTopicReader;
import dev.musicluster.kit.PublishedWork;
import dev.musicluster.kit.StaleWork;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** At start, the lyrics an older embedder embedded are embedded again, in the background: exactly those ({@link StaleWork}). */
@ApplicationScoped
public class StaleEmbeddings {

    void start(@Observes StartupEvent start, LyricsWork work, PublishedWork published,
               CompactedTopicReader reader) {
        Thread thread = new Thread(() -> StaleWork.redo(reader, Topics.SONGS_INGESTED.name(), published,
                json -> work.fingerprint(EventCodec.fromJson(json, SongIngested.class)),
                (key, json) -> work.embed(EventCodec.fromJson(json, SongIngested.class)), 1), "stale-embeddings");
        thread.setDaemon(true);
        thread.start();
    }
}
