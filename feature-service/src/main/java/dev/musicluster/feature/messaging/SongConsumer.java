package dev.musicluster.feature.messaging;

import dev.musicluster.contracts.events.AudioFeaturesExtracted;
import dev.musicluster.contracts.events.EventCodec;
import dev.musicluster.contracts.events.PoisonEventException;
import dev.musicluster.contracts.events.SongIngested;
import dev.musicluster.feature.app.FeatureExtraction;
import dev.musicluster.feature.domain.audio.BadAudioException;
import dev.musicluster.kit.EventRecords;
import dev.musicluster.kit.MissingObjectException;
import dev.musicluster.kit.PublishedWork;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code songs.ingested} on a pool of workers (several songs at once; the throttled commit strategy
 * commits an offset only once every earlier record is done). The record is acknowledged only after the tensors
 * are stored and {@code audio.features} is acknowledged by the broker. Whatever throws goes to
 * {@code dlq.feature-service} with the exception's message as the reason, and the stream goes on. A redelivered
 * song whose features are already published (same revision, same extractor) is acknowledged without work; one
 * redelivered while another worker still works on it waits for that worker ({@link PublishedWork#begin}).
 */
@ApplicationScoped
public class SongConsumer {

    private static final Logger LOG = Logger.getLogger(SongConsumer.class);

    private final FeatureExtraction extraction;
    private final Emitter<Record<String, String>> features;
    private final PublishedWork published;
    private final MeterRegistry registry;

    public SongConsumer(FeatureExtraction extraction, @Channel("audio-features") Emitter<Record<String, String>> features,
                        PublishedWork published, MeterRegistry registry) {
        this.extraction = extraction;
        this.features = features;
        this.published = published;
        this.registry = registry;
    }

    @Incoming("songs")
    @Blocking(value = "feature-workers", ordered = false)
    public void process(ConsumerRecord<String, String> record) throws Exception {
        try {
            SongIngested song = EventCodec.fromJson(record.value(), SongIngested.class);
            String fingerprint = PublishedFeatures.fingerprint(song.revision(), extraction.extractorVersion());
            try (PublishedWork.InFlight claimed = published.begin(song.songId())) {
                if (fingerprint != null && published.published(song.songId(), fingerprint)) {
                    registry.counter("musicluster.features.songs", "outcome", "already-published").increment();
                    return;
                }
                AudioFeaturesExtracted extracted = extraction.extract(song);
                features.send(EventRecords.of(extracted)).toCompletableFuture().get(30, TimeUnit.SECONDS);
                if (fingerprint != null) {
                    published.recordPublished(song.songId(), fingerprint);
                }
            }
            registry.counter("musicluster.features.songs", "outcome", "done").increment();
        } catch (BadAudioException | PoisonEventException | MissingObjectException e) {
            registry.counter("musicluster.features.songs", "outcome", "dead-letter").increment();
            LOG.warnf("song %s dead-lettered: %s", record.key(), e.getMessage());
            throw e;
        }
    }
}
