package dev.musicluster.embedding.messaging;

import dev.musicluster.contracts.SongId;
import dev.musicluster.contracts.events.EventCodec;
import dev.musicluster.contracts.events.SongIngested;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code songs.ingested}; acknowledges a record only once {@code lyrics.embeddings} has acknowledged its
 * event. What throws (malformed event, invalid text encoding, missing lyrics object) goes to
 * {@code dlq.embedding-service} with the reason, and the stream goes on. A redelivered song whose vector is
 * already published (same lyrics, same embedder) is acknowledged without work; a song's tombstone removes its vector.
 */
@ApplicationScoped
public class SongConsumer {

    private final LyricsWork work;

    public SongConsumer(LyricsWork work) {
        this.work = work;
    }

    @Incoming("songs")
    @Blocking
    public void process(ConsumerRecord<String, String> record) throws Exception {
        if (record.value() == null) {
            work.remove(SongId.require(record.key()));
            return;
        }
        work.embed(EventCodec.fromJson(record.value(), SongIngested.class));
    }
}
