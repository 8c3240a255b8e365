package dev.musicluster.feature.messaging;

import dev.musicluster.contracts.events.AudioFeaturesExtracted;
import dev.musicluster.contracts.events.SongIngested;
import dev.musicluster.contracts.storage.ObjectKeys;
import dev.musicluster.feature.app.FeatureExtraction;
import dev.musicluster.kit.AcknowledgedSend;
import dev.musicluster.kit.ObjectStore;
import dev.musicluster.kit.PublishedWork;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * One song's features, computed and published once per audio and extractor version, or forgotten when the song is
 * removed. The consumer and the re-analysis of what an older version did ({@link StaleFeatures}) both come here, so a
 * song is never worked on by two workers at once ({@link PublishedWork#begin}).
 */
@ApplicationScoped
public class FeatureWork {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final FeatureExtraction extraction;
    private final Emitter<Record<String, String>> features;
    private final PublishedWork published;
    private final ObjectStore store;
    private final MeterRegistry registry;

    public FeatureWork(FeatureExtraction extraction, @Channel("audio-features") Emitter<Record<String, String>> features,
                       PublishedWork published, ObjectStore store, MeterRegistry registry) {
        this.extraction = extraction;
        this.features = features;
        this.published = published;
        this.store = store;
        this.registry = registry;
    }

    /** The fingerprint of the features this version computes of a song: its audio (not its tags) and the extractor. */
    public String fingerprint(SongIngested song) {
        return PublishedFeatures.fingerprint(song.audioSha256(), extraction.extractorVersion());
    }

    /** Analyses the song unless its audio is already analysed by this version; publishes once the tensors are stored. */
    public void analyse(SongIngested song) throws Exception {
        String fingerprint = fingerprint(song);
        try (PublishedWork.InFlight claimed = published.begin(song.songId())) {
            if (fingerprint != null && published.published(song.songId(), fingerprint)) {
                registry.counter("musicluster.features.songs", "outcome", "already-published").increment();
                return;
            }
            AudioFeaturesExtracted extracted = extraction.extract(song);
            AcknowledgedSend.send(features, extracted, ACK_TIMEOUT);
            if (fingerprint != null) {
                published.recordPublished(song.songId(), fingerprint);
            }
        }
        registry.counter("musicluster.features.songs", "outcome", "done").increment();
    }

    /** A removed song: its tensors deleted, its features' tombstone published, its analysis forgotten. Idempotent. */
    public void remove(String songId) throws Exception {
        try (PublishedWork.InFlight claimed = published.begin(songId)) {
            store.deleteAll(ObjectKeys.featuresPrefix(songId));
            AcknowledgedSend.tombstone(features, songId, ACK_TIMEOUT);
            published.forget(songId);
        }
        registry.counter("musicluster.features.songs", "outcome", "removed").increment();
    }
}
