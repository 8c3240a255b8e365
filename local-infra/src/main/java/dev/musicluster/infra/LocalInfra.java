package dev.musicluster.infra;

import dev.musicluster.contracts.TopicSpec;
import dev.musicluster.contracts.Topics;
import dev.musicluster.contracts.storage.ObjectKeys;
import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded infrastructure: a Kafka broker with every topic of {@link Topics} created, and an S3 server with
 * the bucket created. Both stop with {@link #close()}, with the JVM (shutdown hook), and on their own when this
 * process is killed outright ({@link OrphanGuard}).
 */
public final class LocalInfra implements AutoCloseable {

    public static final String KAFKA_BOOTSTRAP_SERVERS = "kafka.bootstrap.servers";
    public static final String S3_ENDPOINT = "musicluster.s3.endpoint";
    public static final String S3_ACCESS_KEY = "musicluster.s3.access-key";
    public static final String S3_SECRET_KEY = "musicluster.s3.secret-key";
    public static final String S3_BUCKET = "musicluster.s3.bucket";

    private static final Logger LOG = LoggerFactory.getLogger(LocalInfra.class);

    private final Path workDir;
    private final KafkaBroker kafka;
    private final S3Server s3;
    private final Thread shutdownHook;

    private LocalInfra(Path workDir, KafkaBroker kafka, S3Server s3) {
        this.workDir = workDir;
        this.kafka = kafka;
        this.s3 = s3;
        this.shutdownHook = new Thread(this::stopServers, "local-infra-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts both servers at once (each takes a few seconds), then creates the topics and the bucket. */
    public static LocalInfra start(Path workDir) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        long started = System.nanoTime();
        CompletableFuture<KafkaBroker> kafka = CompletableFuture.supplyAsync(() -> call(() -> KafkaBroker.start(workDir.resolve("kafka"))));
        CompletableFuture<S3Server> s3 = CompletableFuture.supplyAsync(() -> call(() -> S3Server.start(workDir.resolve("s3"))));
        LocalInfra infra;
        try {
            infra = new LocalInfra(workDir, kafka.get(), s3.get());
        } catch (ExecutionException e) {
            kafka.thenAccept(KafkaBroker::close);
            s3.thenAccept(S3Server::close);
            throw unwrap(e);
        }
        try {
            infra.createTopics(Topics.ALL);
            infra.createBucket(ObjectKeys.DEFAULT_BUCKET);
        } catch (IOException | RuntimeException e) {
            infra.close();
            throw e;
        }
        LOG.info("local infrastructure up in {} ms: Kafka {}, S3 {}, files in {}",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), infra.kafka.bootstrapServers(),
                infra.s3.endpoint(), workDir);
        return infra;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public S3Server s3() {
        return s3;
    }

    /** The configuration every service needs to reach this infrastructure, by property name. */
    public Map<String, String> config() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put(KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        config.put(S3_ENDPOINT, s3.endpoint());
        config.put(S3_ACCESS_KEY, s3.accessKey());
        config.put(S3_SECRET_KEY, s3.secretKey());
        config.put(S3_BUCKET, ObjectKeys.DEFAULT_BUCKET);
        return config;
    }

    /** The same configuration as environment variables, the way Quarkus maps property names. */
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        config().forEach((key, value) -> environment.put(key.toUpperCase().replaceAll("[^A-Z0-9]", "_"), value));
        return environment;
    }

    public void createTopics(Collection<TopicSpec> topics) throws IOException, InterruptedException {
        try (Admin admin = kafka.admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(topic -> !existing.contains(topic.name()))
                    .map(topic -> new NewTopic(topic.name(), topic.partitions(), (short) 1).configs(topic.config()))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            }
            // A library kept from an earlier version gets today's settings, as Strimzi reconciles a KafkaTopic.
            Map<ConfigResource, Collection<AlterConfigOp>> settings = new LinkedHashMap<>();
            topics.stream().filter(topic -> existing.contains(topic.name())).forEach(topic -> settings.put(
                    new ConfigResource(ConfigResource.Type.TOPIC, topic.name()),
                    topic.config().entrySet().stream().map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET)).toList()));
            if (!settings.isEmpty()) {
                admin.incrementalAlterConfigs(settings).all().get(60, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("cannot create topics: " + e.getMessage(), e);
        }
    }

    public void createBucket(String bucket) throws IOException {
        MinioClient client = s3.client();
        try {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
            }
        } catch (Exception e) {
            throw new IOException("cannot create bucket " + bucket + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or has run: it stops the servers.
        }
        stopServers();
    }

    private void stopServers() {
        CompletableFuture.allOf(
                CompletableFuture.runAsync(kafka::close),
                CompletableFuture.runAsync(s3::close)).join();
    }

    private interface Starter<T> {
        T start() throws IOException, InterruptedException;
    }

    private static <T> T call(Starter<T> starter) {
        try {
            return starter.start();
        } catch (IOException | InterruptedException e) {
            throw new CompletionException(e);
        }
    }

    private static IOException unwrap(ExecutionException e) {
        Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null ? c.getCause() : e.getCause();
        return cause instanceof IOException io ? io : new IOException(cause.getMessage(), cause);
    }
}
