package dev.musicluster.embedding.messaging;

import dev.musicluster.contracts.Topics;
import dev.musicluster.contracts.events.EventCodec;
import dev.musicluster.contracts.events.LyricsEmbedded;
import dev.musicluster.kit.CompactedTopicReader;
import dev.musicluster.kit.PublishedWork;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;

/**
 * The vectors already on {@code lyrics.embeddings}, by song revision and embedder, restored at start: a redelivered
 * song is not embedded and published again.
 */
@ApplicationScoped
public class PublishedEmbeddings {

    @Produces
    @ApplicationScoped
    PublishedWork published() {
        return new PublishedWork(Topics.LYRICS_EMBEDDINGS.name(), json -> {
            LyricsEmbedded lyrics = EventCodec.fromJson(json, LyricsEmbedded.class);
            return fingerprint(lyrics.songRevision(), lyrics.embedderId(), lyrics.embedderVersion());
        });
    }

    static String fingerprint(String songRevision, String embedderId, String embedderVersion) {
        return PublishedWork.fingerprint(songRevision, embedderId, embedderVersion);
    }

    void restore(@Observes StartupEvent start, PublishedWork published, CompactedTopicReader reader) {
        published.restore(reader);
    }
}
