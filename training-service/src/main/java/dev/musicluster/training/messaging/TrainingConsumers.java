package dev.musicluster.training.messaging;

import dev.musicluster.contracts.SongId;
import dev.musicluster.contracts.Topics;
import dev.musicluster.contracts.events.AudioFeaturesExtracted;
import dev.musicluster.contracts.events.EventCodec;
import dev.musicluster.contracts.events.LyricsEmbedded;
import dev.musicluster.contracts.events.SongIngested;
import dev.musicluster.contracts.events.TrainingRequested;
import dev.musicluster.training.app.OnlineEncoding;
import dev.musicluster.training.app.TrainingRun;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Training requests, one at a time ({@code training.requests}, acknowledged when every model is stored and
 * announced); and the live view of the songs ({@code songs.ingested}, {@code audio.features},
 * {@code lyrics.embeddings}, read from the start by every instance) that drives online encoding. Failures go to
 * {@code dlq.training-service} with the reason.
 */
@ApplicationScoped
public class TrainingConsumers {

    private final TrainingRun training;
    private final OnlineEncoding online;
    private final KafkaPublisher publisher;

    public TrainingConsumers(TrainingRun training, OnlineEncoding online, KafkaPublisher publisher) {
        this.training = training;
        this.online = online;
        this.publisher = publisher;
    }

    @Incoming("training-requests")
    @Blocking("training")
    public void train(ConsumerRecord<String, String> record) throws Exception {
        training.run(EventCodec.fromJson(record.value(), TrainingRequested.class), publisher);
    }

    @Incoming("song-state")
    @Blocking
    public void songState(ConsumerRecord<String, String> record) {
        String topic = record.topic();
        if (record.value() == null) {
            online.onRemoved(SongId.require(record.key()), publisher);
        } else if (topic.equals(Topics.AUDIO_FEATURES.name())) {
            online.onFeatures(EventCodec.fromJson(record.value(), AudioFeaturesExtracted.class), publisher);
        } else if (topic.equals(Topics.LYRICS_EMBEDDINGS.name())) {
            online.onLyrics(EventCodec.fromJson(record.value(), LyricsEmbedded.class), publisher);
        } else if (topic.equals(Topics.SONGS_INGESTED.name())) {
            online.onSong(EventCodec.fromJson(record.value(), SongIngested.class), publisher);
        }
    }
}
