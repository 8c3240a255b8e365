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

/**
 * The features already on {@code audio.features}, by the audio they were computed from and the extractor version,
 * restored at start: a song whose metadata changed (a retagged file) keeps its features.
 */
@ApplicationScoped
public class PublishedFeatures {

    @Produces
    @ApplicationScoped
    PublishedWork published() {
        return new PublishedWork(Topics.AUDIO_FEATURES.name(), json -> {
            AudioFeaturesExtracted features = EventCodec.fromJson(json, AudioFeaturesExtracted.class);
            return fingerprint(features.audioSha256(), features.extractorVersion());
        });
    }

    static String fingerprint(String audioSha256, String extractorVersion) {
        return PublishedWork.fingerprint(audioSha256, extractorVersion);
    }

    void restore(@Observes StartupEvent start, PublishedWork published, CompactedTopicReader reader) {
        published.restore(reader);
    }
}
