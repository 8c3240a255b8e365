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
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
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
    void aRecordProducedIsConsumedBack() {
        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafka().bootstrapServers());
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
            producer.send(new ProducerRecord<>("dlq.gateway", "k1", "hello broker")).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }

        Properties consumerConfig = new Properties();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafka().bootstrapServers());
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "local-infra-test");
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig)) {
            consumer.subscribe(List.of("dlq.gateway"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    assertThat(record.key()).isEqualTo("k1");
                    assertThat(record.value()).isEqualTo("hello broker");
                    return;
                }
            }
        }
        throw new AssertionError("record not consumed within 30 s");
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
