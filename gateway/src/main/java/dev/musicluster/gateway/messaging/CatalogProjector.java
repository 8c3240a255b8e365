package dev.musicluster.gateway.messaging;

import dev.musicluster.contracts.Topics;
import dev.musicluster.contracts.events.AudioFeaturesExtracted;
import dev.musicluster.contracts.events.ClusterAssigned;
import dev.musicluster.contracts.events.ClusteringCompleted;
import dev.musicluster.contracts.events.ModelTrained;
import dev.musicluster.contracts.events.TrainingProgress;
import dev.musicluster.contracts.events.TrainingRequested;
import dev.musicluster.contracts.events.DeadLetters;
import dev.musicluster.contracts.events.EventCodec;
import dev.musicluster.contracts.events.LatentEncoded;
import dev.musicluster.contracts.events.LyricsEmbedded;
import dev.musicluster.contracts.events.SongIngested;
import dev.musicluster.gateway.domain.ClusterIndex;
import dev.musicluster.gateway.domain.LatentIndex;
import dev.musicluster.gateway.domain.LyricsIndex;
import dev.musicluster.gateway.domain.RunCatalog;
import dev.musicluster.gateway.domain.SongCatalog;
import dev.musicluster.gateway.domain.SongTags;
import dev.musicluster.gateway.domain.SoundProfiles;
import dev.musicluster.gateway.domain.Stage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Projects the pipeline's topics onto the {@link SongCatalog}. Reads every topic from the beginning with a group of
 * its own, so each gateway instance holds the whole view; a record it cannot read goes to {@code dlq.gateway}.
 */
@ApplicationScoped
public class CatalogProjector {

    private static final Logger LOG = Logger.getLogger(CatalogProjector.class);

    private final SongCatalog catalog;
    private final RunCatalog runs;
    private final LatentIndex latents;
    private final ClusterIndex clusters;
    private final LyricsIndex lyrics;
    private final SoundProfiles sounds;
    private final ViewReplay replay;
    private final ViewDeadLetters deadLetters;

    public CatalogProjector(SongCatalog catalog, RunCatalog runs, LatentIndex latents, ClusterIndex clusters, LyricsIndex lyrics,
                            SoundProfiles sounds, @Readiness ViewReplay replay, ViewDeadLetters deadLetters) {
        this.sounds = sounds;
        this.deadLetters = deadLetters;
        this.replay = replay;
        this.catalog = catalog;
        this.runs = runs;
        this.latents = latents;
        this.clusters = clusters;
        this.lyrics = lyrics;
    }

    /**
     * A poll's records at a time: one hand-off to a worker thread per poll, not per record (replaying 100,000 songs'
     * topics, the per-record hand-offs cost the event loop 40 s of CPU, a third of the restart). A record that cannot
     * be read is dead-lettered with the reason, and the batch goes on.
     */
    @Incoming("pipeline-view")
    public void apply(ConsumerRecords<String, String> records) {
        for (ConsumerRecord<String, String> record : records) {
            try {
                project(record);
            } catch (RuntimeException e) {
                deadLetters.send(record, e);
            } finally {
                replay.read(record.topic(), record.partition(), record.offset());
            }
        }
    }

    private void project(ConsumerRecord<String, String> record) {
        String topic = record.topic();
        Instant at = Instant.ofEpochMilli(record.timestamp());
        if (record.value() == null) {
            removed(topic, record.key());
        } else if (topic.equals(Topics.SONGS_INGESTED.name())) {
            catalog.ingested(EventCodec.fromJson(record.value(), SongIngested.class));
        } else if (topic.equals(Topics.AUDIO_FEATURES.name())) {
            AudioFeaturesExtracted features = EventCodec.fromJson(record.value(), AudioFeaturesExtracted.class);
            sounds.put(features);
            catalog.stageDone(features.songId(), Stage.FEATURES, features.frames() + " frames", at);
        } else if (topic.equals(Topics.LYRICS_EMBEDDINGS.name())) {
            LyricsEmbedded embedded = EventCodec.fromJson(record.value(), LyricsEmbedded.class);
            lyrics.put(embedded);
            catalog.stageDone(embedded.songId(), Stage.LYRICS, embedded.hasLyrics() ? embedded.language() : "no lyrics", at);
        } else if (topic.equals(Topics.LATENTS.name())) {
            LatentEncoded latent = EventCodec.fromJson(record.value(), LatentEncoded.class);
            latents.put(latent);
            catalog.stageDone(latent.songId(), Stage.LATENT, latent.model() + " of " + latent.runId(), at);
        } else if (topic.equals(Topics.CLUSTER_ASSIGNMENTS.name())) {
            ClusterAssigned assigned = EventCodec.fromJson(record.value(), ClusterAssigned.class);
            clusters.put(assigned);
            catalog.stageDone(assigned.songId(), Stage.CLUSTER, (assigned.cluster() < 0 ? "noise" : "cluster " + assigned.cluster())
                    + " of " + assigned.runId() + " (" + assigned.representation() + ", " + assigned.algorithm() + ")", at);
        } else if (topic.equals(Topics.DLQ_FEATURE_SERVICE.name())) {
            deadLetter(record, Stage.FEATURES, at);
        } else if (topic.equals(Topics.DLQ_EMBEDDING_SERVICE.name())) {
            deadLetter(record, Stage.LYRICS, at);
        } else if (topic.equals(Topics.TRAINING_REQUESTS.name())) {
            runs.requested(EventCodec.fromJson(record.value(), TrainingRequested.class), at);
        } else if (topic.equals(Topics.TRAINING_PROGRESS.name())) {
            runs.progress(EventCodec.fromJson(record.value(), TrainingProgress.class), at);
        } else if (topic.equals(Topics.MODELS_TRAINED.name())) {
            runs.trained(EventCodec.fromJson(record.value(), ModelTrained.class), at);
        } else if (topic.equals(Topics.CLUSTERING_RESULTS.name())) {
            ClusteringCompleted completed = EventCodec.fromJson(record.value(), ClusteringCompleted.class);
            clusters.describe(completed);
            runs.clustered(completed, at);
        } else if (topic.equals(Topics.DLQ_TRAINING_SERVICE.name()) || topic.equals(Topics.DLQ_CLUSTERING_SERVICE.name())) {
            runOrSongDeadLetter(record, at);
        } else {
            LOG.warnf("pipeline-view received a record of unexpected topic %s", topic);
        }
    }

    /** A tombstone: the song was removed, and each stage forgets what it had of it. */
    private void removed(String topic, String songId) {
        if (songId == null) {
            return;
        }
        if (topic.equals(Topics.SONGS_INGESTED.name())) {
            catalog.removed(songId);
        } else if (topic.equals(Topics.AUDIO_FEATURES.name())) {
            sounds.remove(songId);
        } else if (topic.equals(Topics.LYRICS_EMBEDDINGS.name())) {
            lyrics.remove(songId);
        } else if (topic.equals(Topics.LATENTS.name())) {
            latents.remove(songId);
        } else if (topic.equals(Topics.CLUSTER_ASSIGNMENTS.name())) {
            clusters.remove(songId);
        }
    }

    /** A dead training request or model fails its run; a dead per-song record fails the song's latent stage. */
    private void runOrSongDeadLetter(ConsumerRecord<String, String> record, Instant at) {
        Header origin = record.headers().lastHeader(DeadLetters.TOPIC);
        String from = origin == null ? "" : new String(origin.value(), StandardCharsets.UTF_8);
        if (from.equals(Topics.TRAINING_REQUESTS.name()) || from.equals(Topics.MODELS_TRAINED.name())) {
            String runId = record.key() == null ? null : record.key().split("/", 2)[0];
            if (runId != null) {
                Header reason = record.headers().lastHeader(DeadLetters.REASON);
                runs.failed(runId, reason == null ? "dead-lettered without a reason" : new String(reason.value(), StandardCharsets.UTF_8), at);
            }
        } else if (record.topic().equals(Topics.DLQ_TRAINING_SERVICE.name())) {
            deadLetter(record, Stage.LATENT, at);
        } else {
            deadLetter(record, Stage.CLUSTER, at);
        }
    }

    private void deadLetter(ConsumerRecord<String, String> record, Stage stage, Instant at) {
        if (record.key() == null) {
            return;
        }
        Header reason = record.headers().lastHeader(DeadLetters.REASON);
        catalog.stageFailed(record.key(), stage,
                reason == null ? "dead-lettered without a reason" : new String(reason.value(), StandardCharsets.UTF_8), at);
    }

    @Produces
    @Singleton
    static SongCatalog catalog() {
        return new SongCatalog();
    }

    @Produces
    @Singleton
    static RunCatalog runCatalog() {
        return new RunCatalog();
    }

    @Produces
    @Singleton
    static LatentIndex latentIndex() {
        return new LatentIndex();
    }

    @Produces
    @Singleton
    static LyricsIndex lyricsIndex() {
        return new LyricsIndex();
    }

    @Produces
    @Singleton
    static SongTags songTags(SoundProfiles sounds) {
        return new SongTags(sounds);
    }

    @Produces
    @Singleton
    static SoundProfiles soundProfiles() {
        return new SoundProfiles();
    }

    @Produces
    @Singleton
    static ClusterIndex clusterIndex() {
        return new ClusterIndex();
    }
}
