package dev.musicluster.feature.messaging;

import dev.musicluster.contracts.Topics;
import dev.musicluster.contracts.events.EventCodec;
import dev.musicluster.contracts.events.SongIngested;
import dev.musicluster.feature.app.FeatureSettings;
import dev.musicluster.kit.CompactedTopicReader;
import dev.musicluster.kit.PublishedWork;
import dev.musicluster.kit.StaleWork;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * At start, the songs an older extractor analysed (after an upgrade, or a change of window or MFCC settings) are
 * analysed again, in the background: exactly those, never the others ({@link StaleWork}).
 */
@ApplicationScoped
public class StaleFeatures {

    void start(@Observes StartupEvent start, FeatureWork work, PublishedWork published, FeatureSettings settings,
               CompactedTopicReader reader) {
        Thread thread = new Thread(() -> StaleWork.redo(reader, Topics.SONGS_INGESTED.name(), published,
                json -> work.fingerprint(EventCodec.fromJson(json, SongIngested.class)),
                (key, json) -> work.analyse(EventCodec.fromJson(json, SongIngested.class)), Math.max(1, settings.workers())),
                "stale-features");
        thread.setDaemon(true);
        thread.start();
    }
}
