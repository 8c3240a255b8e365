package dev.musicluster.embedding.messaging;

import dev.musicluster.contracts.events.LyricsEmbedded;
import dev.musicluster.contracts.events.SongIngested;
import dev.musicluster.embedding.app.LyricsEmbedding;
import dev.musicluster.kit.AcknowledgedSend;
import dev.musicluster.kit.PublishedWork;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * One song's lyrics vector, embedded and published once per lyrics and embedder version, or forgotten when the song
 * is removed: the consumer's work and the re-embedding of what an older embedder did ({@link StaleEmbeddings}).
 */
@ApplicationScoped
public class LyricsWork {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final LyricsEmbedding embedding;
    private final Emitter<Record<String, String>> embeddings;
    private final PublishedWork published;

    public LyricsWork(LyricsEmbedding embedding, @Channel("lyrics-embeddings") Emitter<Record<String, String>> embeddings,
                      PublishedWork published) {
        this.embedding = embedding;
        this.embeddings = embeddings;
        this.published = published;
    }

    public String fingerprint(SongIngested song) {
        return PublishedEmbeddings.fingerprint(song.lyricsIdentity(), embedding.embedderId(), embedding.embedderVersion());
    }

    public void embed(SongIngested song) throws Exception {
        String fingerprint = fingerprint(song);
        try (PublishedWork.InFlight claimed = published.begin(song.songId())) {
            if (published.published(song.songId(), fingerprint)) {
                return;
            }
            LyricsEmbedded embedded = embedding.embed(song);
            AcknowledgedSend.send(embeddings, embedded, ACK_TIMEOUT);
            published.recordPublished(song.songId(), fingerprint);
        }
    }

    /** A removed song: its vector's tombstone published, its embedding forgotten. Idempotent. */
    public void remove(String songId) throws Exception {
        try (PublishedWork.InFlight claimed = published.begin(songId)) {
            AcknowledgedSend.tombstone(embeddings, songId, ACK_TIMEOUT);
            published.forget(songId);
        }
    }
}
