package dev.musicluster.clustering.messaging;

import dev.musicluster.clustering.app.ActiveClustering;
import dev.musicluster.clustering.app.RunClustering;
import dev.musicluster.contracts.SongId;
import dev.musicluster.contracts.Topics;
import dev.musicluster.contracts.events.ClusterAssigned;
import dev.musicluster.contracts.events.Event;
import dev.musicluster.contracts.events.EventCodec;
import dev.musicluster.contracts.events.LatentEncoded;
import dev.musicluster.contracts.events.ModelTrained;
import dev.musicluster.contracts.events.PoisonEventException;
import dev.musicluster.kit.AcknowledgedSend;
import dev.musicluster.kit.CompactedTopicReader;
import dev.musicluster.kit.PublishedWork;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.io.IOException;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * The clustering of every trained model ({@code models.trained}; a record is acknowledged once its results and
 * assignments are acknowledged by the broker) and the online assignment of every new latent ({@code latents}) to
 * the active clustering; a redelivered latent whose song is already assigned under its model is acknowledged
 * without a second assignment, and a latent's tombstone (a removed song) becomes its assignment's tombstone. Failures go
 * to {@code dlq.clustering-service}.
 */
@ApplicationScoped
public class PipelineConsumers {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Logger LOG = Logger.getLogger(PipelineConsumers.class);

    private final RunClustering clustering;
    private final ActiveClustering active;
    private final Emitter<Record<String, String>> results;
    private final Emitter<Record<String, String>> assignments;
    private final PublishedWork published;
    private final CompactedTopicReader topics;

    public PipelineConsumers(RunClustering clustering, ActiveClustering active,
                             @Channel("clustering-results") Emitter<Record<String, String>> results,
                             @Channel("cluster-assignments") Emitter<Record<String, String>> assignments, PublishedWork published,
                             CompactedTopicReader topics) {
        this.clustering = clustering;
        this.active = active;
        this.results = results;
        this.assignments = assignments;
        this.published = published;
        this.topics = topics;
    }

    @Incoming("models")
    @Blocking("clustering")
    public void cluster(ConsumerRecord<String, String> record) throws Exception {
        RunClustering.Outcome outcome = clustering.cluster(EventCodec.fromJson(record.value(), ModelTrained.class));
        CompactedTopicReader.Snapshot<LatentEncoded> latents = latentsOnTopic();
        // A song removed since the model was trained has its latent tombstoned: it gets no assignment either.
        List<ClusterAssigned> current = latents == null ? outcome.assignments()
                : outcome.assignments().stream().filter(a -> !latents.tombstoned().contains(a.songId())).toList();
        publish(assignments, current);
        recordPublished(current);
        publish(results, List.of(outcome.completed()));
        if (latents != null) {
            assignMissedLatents(latents.latest());
        }
    }

    /** Every song's latest latent and the songs removed, or null when the topic cannot be read now. */
    private CompactedTopicReader.Snapshot<LatentEncoded> latentsOnTopic() {
        try {
            // Decoded as read: the topic holds 4.6 KB of JSON a song (460 MB at 100,000), after every model's clustering.
            return topics.snapshot(Topics.LATENTS.name(), PipelineConsumers::latentOrNull);
        } catch (RuntimeException e) {
            LOG.warnf("could not read %s (%s): every song of the model is assigned, and latents that waited are assigned when "
                    + "redelivered", Topics.LATENTS.name(), e.getMessage());
            return null;
        }
    }

    /** A latent on the topic, or null where its record cannot be read: it only keeps that song from the catch-up. */
    private static LatentEncoded latentOrNull(String json) {
        try {
            return EventCodec.fromJson(json, LatentEncoded.class);
        } catch (PoisonEventException e) {
            LOG.warnf("a record on %s cannot be read: %s", Topics.LATENTS.name(), e.getMessage());
            return null;
        }
    }

    /**
     * The latents of the model just activated that waited for its clustering in a process that was stopped before
     * it came (they were acknowledged on arrival): read back from the compacted topic. Best effort: the clustering
     * itself is done and published whatever happens here.
     */
    private void assignMissedLatents(Map<String, LatentEncoded> latents) {
        try {
            List<LatentEncoded> onTopic = latents.values().stream().filter(Objects::nonNull).toList();
            List<ClusterAssigned> assigned = active.catchUp(onTopic, latent -> published.published(latent.songId(),
                    PublishedAssignments.fingerprint(latent.runId(), latent.model())));
            publish(assignments, assigned);
            recordPublished(assigned);
            if (!assigned.isEmpty()) {
                LOG.infof("assigned %d latents that had waited for this clustering before a restart", assigned.size());
            }
        } catch (Exception e) {
            LOG.warnf(e, "could not read back the latents that waited for this clustering; they are assigned when redelivered");
        }
    }

    @Incoming("latents")
    @Blocking
    public void assign(ConsumerRecord<String, String> record) throws Exception {
        if (record.value() == null) {
            removed(SongId.require(record.key()));
            return;
        }
        LatentEncoded latent = EventCodec.fromJson(record.value(), LatentEncoded.class);
        if (published.published(latent.songId(), PublishedAssignments.fingerprint(latent.runId(), latent.model()))) {
            return; // a redelivery: this song is already assigned under this model
        }
        List<ClusterAssigned> assigned = active.onLatent(latent);
        publish(assignments, assigned);
        recordPublished(assigned);
    }

    /** A removed song's latent: its assignment's tombstone, so that no view counts it in a cluster. Idempotent. */
    private void removed(String songId) throws IOException {
        active.forget(songId);
        AcknowledgedSend.tombstone(assignments, songId, TIMEOUT);
        published.forget(songId);
    }

    private void recordPublished(List<ClusterAssigned> assigned) {
        assigned.forEach(a -> published.recordPublished(a.songId(), PublishedAssignments.fingerprint(a.runId(), a.representation())));
    }

    private static void publish(Emitter<Record<String, String>> emitter, List<? extends Event> events) throws IOException {
        AcknowledgedSend.send(emitter, events, TIMEOUT);
    }
}
