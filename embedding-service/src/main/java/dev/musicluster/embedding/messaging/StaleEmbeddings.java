package dev.musicluster.embedding.messaging;

import dev.musicluster.contracts.Topics;
import dev.musicluster.contracts.events.EventCodec;
import dev.musicluster.contracts.events.SongIngested;
import dev.musicluster.kit.PublishedWork;
import dev.musicluster.kit.StaleWork;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** At start, the lyrics an older embedder embedded are embedded again, in the background: exactly those ({@link StaleWork}). */
@ApplicationScoped
public class StaleEmbeddings {

    void start(@Observes StartupEvent start, LyricsWork work, PublishedWork published,
               @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        Thread thread = new Thread(() -> StaleWork.redo(bootstrapServers, Topics.SONGS_INGESTED.name(), published,
                json -> work.fingerprint(EventCodec.fromJson(json, SongIngested.class)),
                (key, json) -> work.embed(EventCodec.fromJson(json, SongIngested.class)), 1), "stale-embeddings");
        thread.setDaemon(true);
        thread.start();
    }
}
