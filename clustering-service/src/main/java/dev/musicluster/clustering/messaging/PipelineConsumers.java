package dev.musicluster.clustering.messaging;

import dev.musicluster.clustering.app.RunClustering;
import dev.musicluster.clustering.app.SongLabels;
import dev.musicluster.contracts.events.ClusteringCompleted;
import dev.musicluster.contracts.events.EventCodec;
import dev.musicluster.contracts.events.ModelTrained;
import dev.musicluster.contracts.events.SongIngested;
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
 * The song labels view (from {@code songs.ingested}, read from the start by this instance) and the clustering of
 * every trained model ({@code models.trained}); a model's record is acknowledged once {@code clustering.results}
 * has acknowledged its event. Failures go to {@code dlq.clustering-service}.
 */
@ApplicationScoped
public class PipelineConsumers {

    private final SongLabels labels;
    private final RunClustering clustering;
    private final Emitter<Record<String, String>> results;

    public PipelineConsumers(SongLabels labels, RunClustering clustering,
                             @Channel("clustering-results") Emitter<Record<String, String>> results) {
        this.labels = labels;
        this.clustering = clustering;
        this.results = results;
    }

    @Incoming("song-labels")
    public void label(ConsumerRecord<String, String> record) {
        SongIngested song = EventCodec.fromJson(record.value(), SongIngested.class);
        labels.put(song.songId(), song.labels());
    }

    @Incoming("models")
    @Blocking
    public void cluster(ConsumerRecord<String, String> record) throws Exception {
        ClusteringCompleted completed = clustering.cluster(EventCodec.fromJson(record.value(), ModelTrained.class));
        results.send(EventRecords.of(completed)).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
