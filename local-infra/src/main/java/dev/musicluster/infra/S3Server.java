package dev.musicluster.infra;

import io.minio.MinioClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A real S3 server: s3proxy with its filesystem backend, started as a child process. Production uses MinIO; both
 * speak the same S3 protocol to the same MinIO client.
 */
public final class S3Server implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path workDir;
    private final int port;
    private final String accessKey;
    private final String secretKey;
    private volatile ChildProcess process;

    private S3Server(Path workDir, int port, String accessKey, String secretKey) {
        this.workDir = workDir;
        this.port = port;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    public static S3Server start(Path workDir) throws IOException, InterruptedException {
        Path data = Files.createDirectories(workDir.resolve("data"));
        int port = FreePorts.next();
        // A fresh secret per start: nothing here is a credential worth keeping, and nothing is hard-coded.
        String accessKey = "local-" + randomHex(4);
        String secretKey = randomHex(20);
        Files.write(workDir.resolve("s3proxy.properties"), List.of(
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + accessKey,
                "s3proxy.credential=" + secretKey,
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + data));
        S3Server started = new S3Server(workDir, port, accessKey, secretKey);
        started.launch();
        return started;
    }

    /** Starts the server process on this server's port, data and credentials, and waits until it answers. */
    private void launch() throws IOException, InterruptedException {
        List<Path> classpath = MavenArtifacts.resolve(List.of(MavenArtifacts.s3Proxy()), false);
        process = ChildProcess.startJava("s3proxy", classpath,
                List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true"),
                "org.gaul.s3proxy.Main", List.of("--properties", workDir.resolve("s3proxy.properties").toString()), Map.of(),
                workDir.resolve("s3proxy.log"));
        try {
            FreePorts.awaitOpen(process, port, START_TIMEOUT);
            awaitReady();
        } catch (IOException | RuntimeException | InterruptedException e) {
            close();
            throw e;
        }
    }

    /** Stops the server, as an outage would: the port refuses connections, the stored objects stay on disk. */
    public void stop() {
        process.close();
    }

    /** Starts a stopped server again on the same port, with the same objects and credentials. */
    public void restart() throws IOException, InterruptedException {
        if (process.isAlive()) {
            throw new IllegalStateException("the S3 server is running; stop() it first");
        }
        launch();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    public ChildProcess process() {
        return process;
    }

    public MinioClient client() {
        return MinioClient.builder().endpoint(endpoint()).credentials(accessKey, secretKey).region("us-east-1").build();
    }

    /** Writes an object into the project's bucket (tests set up what a service reads). */
    public void put(String key, byte[] bytes) throws IOException {
        try (var in = new java.io.ByteArrayInputStream(bytes)) {
            client().putObject(io.minio.PutObjectArgs.builder().bucket(dev.musicluster.contracts.storage.ObjectKeys.DEFAULT_BUCKET).object(key).stream(in, bytes.length, -1).build());
        } catch (Exception e) {
            throw new IOException("cannot put " + key + ": " + e.getMessage(), e);
        }
    }

    /** Reads an object of the project's bucket (tests check what a service wrote). */
    public byte[] get(String key) throws IOException {
        try (var in = client().getObject(io.minio.GetObjectArgs.builder().bucket(dev.musicluster.contracts.storage.ObjectKeys.DEFAULT_BUCKET).object(key).build())) {
            return in.readAllBytes();
        } catch (Exception e) {
            throw new IOException("cannot get " + key + ": " + e.getMessage(), e);
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        MinioClient client = client();
        while (true) {
            try {
                client.listBuckets();
                return;
            } catch (Exception notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("S3 server not ready: " + notYet.getMessage() + "\n" + process.tail());
                }
                Thread.sleep(200);
            }
        }
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    @Override
    public void close() {
        process.close();
    }
}
