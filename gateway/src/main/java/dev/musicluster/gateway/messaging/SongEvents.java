package dev.musicluster.gateway.messaging;

import dev.musicluster.contracts.events.SongIngested;
import dev.musicluster.kit.AcknowledgedSend;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Publishes {@code songs.ingested} and waits for the broker's acknowledgement before the upload is answered; a removal
 * is the song's tombstone there, which every stage downstream follows with tombstones of its own.
 */
@ApplicationScoped
public class SongEvents {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final Emitter<Record<String, String>> emitter;

    public SongEvents(@Channel("songs-ingested") Emitter<Record<String, String>> emitter) {
        this.emitter = emitter;
    }

    public void publish(SongIngested event) throws IOException {
        AcknowledgedSend.send(emitter, event, ACK_TIMEOUT);
    }

    public void remove(String songId) throws IOException {
        AcknowledgedSend.tombstone(emitter, songId, ACK_TIMEOUT);
    }
}
