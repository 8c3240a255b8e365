package dev.musicluster.kit;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.Collection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Keeps a stage's {@link PublishedWork} right across rebalances, on the polling thread: on revocation it waits for
 * the work in progress to be published; on assignment it re-reads the output topic, before any record of the new
 * partitions is delivered. Without it, an instance that takes over the
 * partitions of a killed one knows only what was published when it started, and does again the songs the other
 * published but never committed. A channel opts in with
 * {@code mp.messaging.incoming.<channel>.consumer-rebalance-listener.name=published-work-refresh}.
 */
@ApplicationScoped
@Identifier(PublishedWorkRefresh.NAME)
public class PublishedWorkRefresh implements KafkaConsumerRebalanceListener {

    public static final String NAME = "published-work-refresh";
    /** Below Kafka's default max.poll.interval (5 min), past which the group would drop this consumer. */
    private static final Duration IN_WORK_WAIT = Duration.ofMinutes(2);

    private final Instance<PublishedWork> published;
    private final CompactedTopicReader reader;

    public PublishedWorkRefresh(Instance<PublishedWork> published, CompactedTopicReader reader) {
        this.published = published;
        this.reader = reader;
    }

    /**
     * Lets the songs in work finish and publish first: the instance that takes these partitions over refreshes once
     * the rebalance completes, which is after this returns, and so finds them done.
     */
    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty() && published.isResolvable()) {
            published.get().awaitIdle(IN_WORK_WAIT);
        }
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty() && published.isResolvable()) {
            published.get().refresh(reader);
        }
    }
}
