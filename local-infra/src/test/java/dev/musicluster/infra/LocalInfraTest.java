package dev.musicluster.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicluster.contracts.Topics;
import dev.musicluster.contracts.storage.ObjectKeys;
import io.minio.GetObjectArgs;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalInfraTest {

    @TempDir
    static Path workDir;

    static LocalInfra infra;

    @BeforeAll
    static void start() throws Exception {
        infra = LocalInfra.start(workDir);
    }

    @AfterAll
    static void stop() {
        if (infra != null) {
            infra.close();
        }
    }

    @Test
    void everyTopicExistsWithItsPartitionsAndCleanupPolicy() throws Exception {
        try (Admin admin = infra.kafka().admin()) {
            Map<String, TopicDescription> topics = admin.describeTopics(
                    Topics.ALL.stream().map(t -> t.name()).toList()).allTopicNames().get(30, TimeUnit.SECONDS);
            assertThat(topics).hasSize(Topics.ALL.size());
            assertThat(topics.get("songs.ingested").partitions()).hasSize(Topics.SONG_PARTITIONS);

            ConfigResource songs = new ConfigResource(ConfigResource.Type.TOPIC, "songs.ingested");
            ConfigResource progress = new ConfigResource(ConfigResource.Type.TOPIC, "training.progress");
            var configs = admin.describeConfigs(List.of(songs, progress)).all().get(30, TimeUnit.SECONDS);
            assertThat(configs.get(songs).get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(configs.get(progress).get("cleanup.policy").value()).isEqualTo("delete");
        }
    }

    @Test
    void aRecordProducedIsConsumedBackWithItsHeaders() {
        KafkaProbe probe = new KafkaProbe(infra.kafka().bootstrapServers());
        probe.send("dlq.gateway", "k1", "hello broker", Map.of("dead-letter-reason", "because"));

        ConsumerRecord<String, String> record = probe.await("dlq.gateway", r -> "k1".equals(r.key()), Duration.ofSeconds(30));
        assertThat(record.value()).isEqualTo("hello broker");
        assertThat(KafkaProbe.header(record, "dead-letter-reason")).isEqualTo("because");
    }

    @Test
    void anObjectWrittenToS3IsReadBack() throws Exception {
        byte[] body = "tensor bytes ও".getBytes(StandardCharsets.UTF_8);
        var client = infra.s3().client();
        client.putObject(PutObjectArgs.builder().bucket(ObjectKeys.DEFAULT_BUCKET).object("features/x/logmel.npy")
                .stream(new ByteArrayInputStream(body), body.length, -1).build());
        try (var in = client.getObject(GetObjectArgs.builder().bucket(ObjectKeys.DEFAULT_BUCKET).object("features/x/logmel.npy").build())) {
            assertThat(in.readAllBytes()).isEqualTo(body);
        }
    }

    @Test
    void environmentNamesFollowQuarkusMapping() {
        assertThat(infra.environment()).containsKeys("KAFKA_BOOTSTRAP_SERVERS", "MUSICLUSTER_S3_ENDPOINT",
                "MUSICLUSTER_S3_ACCESS_KEY", "MUSICLUSTER_S3_SECRET_KEY", "MUSICLUSTER_S3_BUCKET");
    }
}
