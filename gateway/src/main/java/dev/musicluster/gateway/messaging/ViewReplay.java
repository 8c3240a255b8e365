package dev.musicluster.gateway.messaging;

import dev.musicluster.gateway.library.ViewCaughtUp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the view has read every topic to where it ended when the gateway started: a gateway that answered from a
 * half-replayed view would list a fraction of the library, and behind a Service with two replicas a restarted one
 * would take requests it cannot answer. Once caught up it stays so (what arrives later is live traffic). The end
 * offsets are asked of the broker at the first probe; a record counts as read whether it was projected or
 * dead-lettered. Compaction can remove a partition's last records (old tombstones), so a partition also counts as
 * read once the consumer's position has passed its end and no record has come for {@link #QUIET}. Catching up is
 * announced ({@link ViewCaughtUp}) so that what readers would otherwise wait for is made then.
 */
@Readiness
@ApplicationScoped
public class ViewReplay implements HealthCheck {

    static final Duration QUIET = Duration.ofSeconds(2);

    private final KafkaClientService kafka;
    private final Event<ViewCaughtUp> announcement;
    private final String bootstrapServers;
    private final List<String> topics;
    private final Map<TopicPartition, Long> read = new ConcurrentHashMap<>();
    private volatile Map<TopicPartition, Long> ends;
    private volatile boolean caughtUp;
    private volatile long lastRead = System.nanoTime();

    public ViewReplay(KafkaClientService kafka, Event<ViewCaughtUp> announcement,
                      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                      @ConfigProperty(name = "mp.messaging.incoming.pipeline-view.topics") List<String> topics) {
        this.kafka = kafka;
        this.announcement = announcement;
        this.bootstrapServers = bootstrapServers;
        this.topics = List.copyOf(topics);
    }

    /** The view has read this record (the projector calls it for every record, whatever became of it). */
    void read(String topic, int partition, long offset) {
        read.merge(new TopicPartition(topic, partition), offset, Math::max);
        lastRead = System.nanoTime();
    }

    @Override
    public HealthCheckResponse call() {
        if (caughtUp) {
            return HealthCheckResponse.named("view-replay").up().build();
        }
        try {
            if (ends == null) {
                ends = endOffsets();
            }
        } catch (Exception e) {
            return HealthCheckResponse.named("view-replay").down().withData("error", String.valueOf(e.getMessage())).build();
        }
        long behind = 0;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            // the next offset to read is the last read + 1; a partition that held nothing is read
            long next = read.getOrDefault(end.getKey(), -1L) + 1;
            behind += Math.max(0, end.getValue() - next);
        }
        if (behind == 0 || (System.nanoTime() - lastRead > QUIET.toNanos() && positionsPast(ends))) {
            caughtUpNow();
            return HealthCheckResponse.named("view-replay").up().build();
        }
        return HealthCheckResponse.named("view-replay").down().withData("records behind", behind).build();
    }

    /** Once, whichever probe sees it first. */
    private synchronized void caughtUpNow() {
        if (!caughtUp) {
            caughtUp = true;
            announcement.fireAsync(new ViewCaughtUp());
        }
    }

    /** Whether the view's consumer has fetched past every end (what it fetched is then read, or being read). */
    private boolean positionsPast(Map<TopicPartition, Long> ends) {
        try {
            Map<TopicPartition, Long> positions = kafka.getConsumer("pipeline-view").getPositions().await().atMost(Duration.ofSeconds(5));
            return ends.entrySet().stream().allMatch(end -> end.getValue() == 0 || positions.getOrDefault(end.getKey(), -1L) >= end.getValue());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private Map<TopicPartition, Long> endOffsets() throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(config)) {
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new ConcurrentHashMap<>();
            described.values().forEach(topic -> topic.partitions().forEach(p ->
                    latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, Long> ends = new ConcurrentHashMap<>();
            offsets.forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        }
    }
}
