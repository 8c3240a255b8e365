package dev.musicluster.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one JVM), started as a child process
 * with its own classpath. Formatting its storage is a separate short-lived JVM, as {@code kafka-storage.sh} does.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path workDir;
    private final List<Path> classpath;
    private final List<String> jvm;
    private final Path config;
    private final int port;
    private volatile ChildProcess process;

    private KafkaBroker(Path workDir, List<Path> classpath, List<String> jvm, Path config, int port) {
        this.workDir = workDir;
        this.classpath = classpath;
        this.jvm = jvm;
        this.config = config;
        this.port = port;
    }

    public static KafkaBroker start(Path workDir) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        List<Path> classpath = MavenArtifacts.resolve(List.of(MavenArtifacts.kafkaBroker(), MavenArtifacts.brokerLogging()), true);
        int port = FreePorts.next();
        int controllerPort = FreePorts.next();
        Path config = writeConfig(workDir, port, controllerPort);
        Path log4j = writeLogConfig(workDir);
        List<String> jvm = List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dlog4j2.configurationFile=" + log4j, "-Djava.awt.headless=true");

        String clusterId = clusterId(workDir);
        ChildProcess format = ChildProcess.startJava("kafka-storage-format", classpath, jvm, "kafka.tools.StorageTool",
                // "=" keeps an id that starts with "-" from reading as an option.
                List.of("format", "--ignore-formatted", "--cluster-id=" + clusterId, "--config=" + config), Map.of(),
                workDir.resolve("format.log"));
        format.awaitSuccess(Duration.ofSeconds(60));

        KafkaBroker started = new KafkaBroker(workDir, classpath, jvm, config, port);
        started.launch();
        return started;
    }

    /** Starts the broker process on this broker's ports and storage, and waits until it answers. */
    private void launch() throws IOException, InterruptedException {
        process = ChildProcess.startJava("kafka-broker", classpath, jvm, "kafka.Kafka", List.of(config.toString()), Map.of(),
                workDir.resolve("broker.log"));
        try {
            FreePorts.awaitOpen(process, port, START_TIMEOUT);
            awaitReady();
        } catch (IOException | RuntimeException | InterruptedException e) {
            close();
            throw e;
        }
    }

    /**
     * Stops the broker (SIGTERM: a controlled shutdown) and starts it again on the same ports with the same log, as an
     * operator's restart or a rolling upgrade does. Clients see their connections drop and reconnect.
     */
    public void restart() throws IOException, InterruptedException {
        process.close();
        launch();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public ChildProcess process() {
        return process;
    }

    public Admin admin() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        return Admin.create(properties);
    }

    /** Ready means the controller has elected itself and the broker answers metadata requests. */
    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try (Admin admin = admin()) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException notYet) {
                    if (!process.isAlive() || System.nanoTime() > deadline) {
                        throw new IOException("Kafka broker not ready: " + notYet.getMessage() + "\n" + process.tail());
                    }
                }
                Thread.sleep(200);
            }
        }
    }

    private static Path writeConfig(Path workDir, int port, int controllerPort) throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + workDir.resolve("data"),
                "num.partitions=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=6",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                // A lone broker has nobody to wait for; the default delays every first consumer group by 3 s.
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false",
                // Uploads travel through S3; events are small, but an embedding vector may reach a few hundred kB.
                "message.max.bytes=4194304",
                "log.cleaner.dedupe.buffer.size=33554432"));
        Path file = workDir.resolve("server.properties");
        Files.write(file, lines);
        return file;
    }

    private static Path writeLogConfig(Path workDir) throws IOException {
        Path file = workDir.resolve("log4j2.properties");
        Files.write(file, List.of(
                "status=warn",
                "appender.console.type=Console",
                "appender.console.name=STDOUT",
                "appender.console.layout.type=PatternLayout",
                "appender.console.layout.pattern=[%d] %p %m (%c)%n",
                "rootLogger.level=warn",
                "rootLogger.appenderRef.stdout.ref=STDOUT",
                "logger.broker.name=kafka.server.BrokerServer",
                "logger.broker.level=info"));
        return file;
    }

    /** Kafka cluster ids are 16 bytes in URL-safe base64 without padding. */
    /**
     * The cluster's id: made once and kept beside the data, so that a broker started again on the same folder (the
     * library sync's persistent system) finds the storage it formatted.
     */
    private static String clusterId(Path workDir) throws IOException {
        Path file = workDir.resolve("cluster.id");
        if (Files.isRegularFile(file)) {
            return Files.readString(file, java.nio.charset.StandardCharsets.US_ASCII).strip();
        }
        UUID uuid = UUID.randomUUID();
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
        bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        String id = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
        Files.writeString(file, id, java.nio.charset.StandardCharsets.US_ASCII);
        return id;
    }

    @Override
    public void close() {
        process.close();
    }
}
