package dev.musicluster.embedding.messaging;

import dev.musicluster.contracts.events.EventCodec;
import dev.musicluster.contracts.events.LyricsEmbedded;
import dev.musicluster.contracts.events.SongIngested;
import dev.musicluster.embedding.app.LyricsEmbedding;
import dev.musicluster.kit.EventRecords;
import dev.musicluster.kit.PublishedWork;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code songs.ingested}; acknowledges a record only once {@code lyrics.embeddings} has acknowledged its
 * event. What throws (malformed event, invalid text encoding, missing lyrics object) goes to
 * {@code dlq.embedding-service} with the reason, and the stream goes on. A redelivered song whose vector is
 * already published (same revision, same embedder) is acknowledged without work.
 */
@ApplicationScoped
public class SongConsumer {

    private final LyricsEmbedding embedding;
    private final Emitter<Record<String, String>> embeddings;
    private final PublishedWork published;

    public SongConsumer(LyricsEmbedding embedding, @Channel("lyrics-embeddings") Emitter<Record<String, String>> embeddings,
                        PublishedWork published) {
        this.embedding = embedding;
        this.embeddings = embeddings;
        this.published = published;
    }

    @Incoming("songs")
    @Blocking
    public void process(ConsumerRecord<String, String> record) throws Exception {
        SongIngested song = EventCodec.fromJson(record.value(), SongIngested.class);
        String fingerprint = PublishedEmbeddings.fingerprint(song.revision(), embedding.embedderId(), embedding.embedderVersion());
        if (fingerprint != null && published.published(song.songId(), fingerprint)) {
            return;
        }
        LyricsEmbedded embedded = embedding.embed(song);
        embeddings.send(EventRecords.of(embedded)).toCompletableFuture().get(30, TimeUnit.SECONDS);
        if (fingerprint != null) {
            published.recordPublished(song.songId(), fingerprint);
        }
    }
}
