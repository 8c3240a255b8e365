package dev.musicluster.feature.messaging;

import dev.musicluster.contracts.Topics;
import dev.musicluster.contracts.events.AudioFeaturesExtracted;
import dev.musicluster.contracts.events.EventCodec;
import dev.musicluster.kit.CompactedTopicReader;
import dev.musicluster.kit.PublishedWork;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;

/** The features already on {@code audio.features}, by song revision and extractor version, restored at start. */
@ApplicationScoped
public class PublishedFeatures {

    @Produces
    @ApplicationScoped
    PublishedWork published() {
        return new PublishedWork(Topics.AUDIO_FEATURES.name(), json -> {
            AudioFeaturesExtracted features = EventCodec.fromJson(json, AudioFeaturesExtracted.class);
            return fingerprint(features.songRevision(), features.extractorVersion());
        });
    }

    static String fingerprint(String songRevision, String extractorVersion) {
        return PublishedWork.fingerprint(songRevision, extractorVersion);
    }

    void restore(@Observes StartupEvent start, PublishedWork published, CompactedTopicReader reader) {
        published.restore(reader);
    }
}
