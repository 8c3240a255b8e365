package dev.musicluster.embedding.messaging;

import dev.musicluster.contracts.events.EventCodec;
import dev.musicluster.contracts.events.LyricsEmbedded;
import dev.musicluster.contracts.events.SongIngested;
import dev.musicluster.embedding.app.LyricsEmbedding;
import dev.musicluster.kit.EventRecords;
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
 * {@code dlq.embedding-service} with the reason, and the stream goes on.
 */
@ApplicationScoped
public class SongConsumer {

    private final LyricsEmbedding embedding;
    private final Emitter<Record<String, String>> embeddings;

    public SongConsumer(LyricsEmbedding embedding, @Channel("lyrics-embeddings") Emitter<Record<String, String>> embeddings) {
        this.embedding = embedding;
        this.embeddings = embeddings;
    }

    @Incoming("songs")
    @Blocking
    public void process(ConsumerRecord<String, String> record) throws Exception {
        LyricsEmbedded embedded = embedding.embed(EventCodec.fromJson(record.value(), SongIngested.class));
        embeddings.send(EventRecords.of(embedded)).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
