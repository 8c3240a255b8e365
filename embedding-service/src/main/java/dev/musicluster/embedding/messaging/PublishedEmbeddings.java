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
 * The vectors already on {@code lyrics.embeddings}, by the lyrics they were computed from and the embedder, restored
 * at start: a redelivered song, or one retagged with the same lyrics, is not embedded and published again.
 */
@ApplicationScoped
public class PublishedEmbeddings {

    @Produces
    @ApplicationScoped
    PublishedWork published() {
        return new PublishedWork(Topics.LYRICS_EMBEDDINGS.name(), json -> {
            LyricsEmbedded lyrics = EventCodec.fromJson(json, LyricsEmbedded.class);
            return fingerprint(lyrics.lyricsIdentity(), lyrics.embedderId(), lyrics.embedderVersion());
        });
    }

    static String fingerprint(String lyricsIdentity, String embedderId, String embedderVersion) {
        return PublishedWork.fingerprint(lyricsIdentity, embedderId, embedderVersion);
    }

    void restore(@Observes StartupEvent start, PublishedWork published, CompactedTopicReader reader) {
        published.restore(reader);
    }
}
