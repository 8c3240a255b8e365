package dev.musicluster.feature.messaging;

import dev.musicluster.contracts.SongId;
import dev.musicluster.contracts.events.EventCodec;
import dev.musicluster.contracts.events.PoisonEventException;
import dev.musicluster.contracts.events.SongIngested;
import dev.musicluster.feature.domain.audio.BadAudioException;
import dev.musicluster.kit.MissingObjectException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code songs.ingested} on a pool of workers (several songs at once; the throttled commit strategy
 * commits an offset only once every earlier record is done). The record is acknowledged only after the tensors
 * are stored and {@code audio.features} is acknowledged by the broker. Whatever throws goes to
 * {@code dlq.feature-service} with the exception's message as the reason, and the stream goes on. A redelivered
 * song whose audio is already analysed by this extractor is acknowledged without work (a retagged song too); a song's
 * tombstone removes its features ({@link FeatureWork}).
 */
@ApplicationScoped
public class SongConsumer {

    private static final Logger LOG = Logger.getLogger(SongConsumer.class);

    private final FeatureWork work;
    private final MeterRegistry registry;

    public SongConsumer(FeatureWork work, MeterRegistry registry) {
        this.work = work;
        this.registry = registry;
    }

    @Incoming("songs")
    @Blocking(value = "feature-workers", ordered = false)
    public void process(ConsumerRecord<String, String> record) throws Exception {
        try {
            if (record.value() == null) {
                work.remove(SongId.require(record.key()));
                return;
            }
            work.analyse(EventCodec.fromJson(record.value(), SongIngested.class));
        } catch (BadAudioException | PoisonEventException | MissingObjectException | IllegalArgumentException e) {
            throw deadLettered(record.key(), e, true);
        } catch (IOException | RuntimeException e) {
            // Not the song's fault (the store, the disk): dead-lettered all the same, so said as loudly, with its trace.
            throw deadLettered(record.key(), e, false);
        }
    }

    /**
     * Counts and logs a song on its way to the dead-letter topic, with the stack trace when the failure was not the
     * song's own; returns {@code e} for the caller to throw.
     */
    private Exception deadLettered(String key, Exception e, boolean songsOwn) {
        registry.counter("musicluster.features.songs", "outcome", "dead-letter").increment();
        if (songsOwn) {
            LOG.warnf("song %s dead-lettered: %s", key, e.getMessage());
        } else {
            LOG.warnf(e, "song %s dead-lettered after a failure that was not its own: %s", key, e.getMessage());
        }
        return e;
    }
}
