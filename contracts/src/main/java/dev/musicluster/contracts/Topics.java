package dev.musicluster.contracts;

import java.time.Duration;
import java.util.List;

/**
 * Every Kafka topic of the pipeline, with the partitioning, retention and compaction it is created with.
 * Local infrastructure, the Kubernetes KafkaTopics and the services' channel configuration all read these.
 */
public final class Topics {

    private Topics() {
    }

    /** Partitions of per-song topics: the unit of parallelism across replicas of a consuming service. */
    public static final int SONG_PARTITIONS = 6;

    public static final TopicSpec SONGS_INGESTED = TopicSpec.compacted("songs.ingested", SONG_PARTITIONS);
    public static final TopicSpec AUDIO_FEATURES = TopicSpec.compacted("audio.features", SONG_PARTITIONS);
    public static final TopicSpec LYRICS_EMBEDDINGS = TopicSpec.compacted("lyrics.embeddings", SONG_PARTITIONS);
    public static final TopicSpec TRAINING_REQUESTS = TopicSpec.retained("training.requests", 1, Duration.ofDays(7));
    public static final TopicSpec TRAINING_PROGRESS = TopicSpec.retained("training.progress", 1, Duration.ofDays(7));
    public static final TopicSpec MODELS_TRAINED = TopicSpec.compacted("models.trained", 1);
    public static final TopicSpec LATENTS = TopicSpec.compacted("latents", SONG_PARTITIONS);
    public static final TopicSpec CLUSTERING_RESULTS = TopicSpec.compacted("clustering.results", 1);
    public static final TopicSpec CLUSTER_ASSIGNMENTS = TopicSpec.compacted("cluster.assignments", SONG_PARTITIONS);

    public static final TopicSpec DLQ_GATEWAY = deadLetters("gateway");
    public static final TopicSpec DLQ_FEATURE_SERVICE = deadLetters("feature-service");
    public static final TopicSpec DLQ_EMBEDDING_SERVICE = deadLetters("embedding-service");
    public static final TopicSpec DLQ_TRAINING_SERVICE = deadLetters("training-service");
    public static final TopicSpec DLQ_CLUSTERING_SERVICE = deadLetters("clustering-service");

    public static final List<TopicSpec> ALL = List.of(
            SONGS_INGESTED, AUDIO_FEATURES, LYRICS_EMBEDDINGS, TRAINING_REQUESTS, TRAINING_PROGRESS,
            MODELS_TRAINED, LATENTS, CLUSTERING_RESULTS, CLUSTER_ASSIGNMENTS,
            DLQ_GATEWAY, DLQ_FEATURE_SERVICE, DLQ_EMBEDDING_SERVICE, DLQ_TRAINING_SERVICE, DLQ_CLUSTERING_SERVICE);

    /** Dead letters are kept long enough for a person to look at them and replay what was fixed. */
    private static TopicSpec deadLetters(String stage) {
        return TopicSpec.retained("dlq." + stage, 1, Duration.ofDays(14));
    }
}
