package dev.musicluster.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void perSongStateTopicsAreCompactedAndStreamsAreRetained() {
        for (TopicSpec state : new TopicSpec[] {Topics.SONGS_INGESTED, Topics.AUDIO_FEATURES, Topics.LYRICS_EMBEDDINGS,
                Topics.LATENTS, Topics.MODELS_TRAINED, Topics.CLUSTERING_RESULTS}) {
            assertThat(state.config()).containsEntry("cleanup.policy", "compact");
        }
        assertThat(Topics.TRAINING_PROGRESS.config()).containsEntry("cleanup.policy", "delete")
                .containsEntry("retention.ms", String.valueOf(7L * 24 * 3600 * 1000));
    }

    @Test
    void everyConsumingStageHasItsOwnDeadLetterTopic() {
        Set<String> names = Topics.ALL.stream().map(TopicSpec::name).collect(Collectors.toSet());
        assertThat(names).hasSize(Topics.ALL.size()).contains("songs.ingested", "audio.features", "lyrics.embeddings",
                "training.requests", "training.progress", "models.trained", "latents", "clustering.results",
                "dlq.gateway", "dlq.feature-service", "dlq.embedding-service", "dlq.training-service",
                "dlq.clustering-service");
    }
}
