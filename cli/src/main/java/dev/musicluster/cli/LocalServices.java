package dev.musicluster.cli;

import dev.musicluster.infra.ChildProcess;
import dev.musicluster.infra.FreePorts;
import dev.musicluster.infra.LocalInfra;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

/**
 * The five services as child processes of this launcher, each the Quarkus application its module builds, wired to
 * the embedded infrastructure through the environment. They stop with the launcher, however it ends.
 */
final class LocalServices implements AutoCloseable {

    static final List<String> SERVICES = List.of("gateway", "feature-service", "embedding-service", "training-service",
            "clustering-service");
    /**
     * Generous: five services replaying a library of 100,000 songs at once on two cores took 171 s to be ready, and
     * over 3 minutes on a busier day. A service that dies on the way is noticed at once, whatever this says.
     */
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(10);

    private final List<ChildProcess> processes = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Path home;
    private final LocalInfra infra;
    private final Path logs;
    /** The gateway's one API key, fresh for every start: the local system is as closed as a deployed one. */
    private final String apiKey = freshKey();

    private final FeatureScale featureScale;
    /** Settings (environment variables) for one service, beyond those every local start gives it. */
    private final Map<String, Map<String, String>> settings;
    /** A service's largest heap ({@code -Xmx}), where the default does not fit (a large library's view). */
    private final Map<String, String> heaps;

    private LocalServices(Path home, LocalInfra infra, Path logs, FeatureScale featureScale, Map<String, Map<String, String>> settings,
                          Map<String, String> heaps) {
        this.home = home;
        this.infra = infra;
        this.logs = logs;
        this.featureScale = featureScale;
        this.settings = settings;
        this.heaps = heaps;
    }

    /**
     * How the feature service is run: {@code instances} processes in one consumer group (the Deployment's replicas),
     * each seeing {@code cores} cores (a pod's CPU limit), so its workers and PyTorch threads follow; 0 cores: the
     * machine's.
     */
    record FeatureScale(int instances, int cores) {

        static final FeatureScale DEFAULT = new FeatureScale(1, 0);

        FeatureScale {
            if (instances < 1 || cores < 0) {
                throw new IllegalArgumentException("feature-service instances must be at least 1 and cores not negative");
            }
        }

        List<String> names() {
            return IntStream.rangeClosed(1, instances).mapToObj(i -> i == 1 ? "feature-service" : "feature-service-" + i)
                    .toList();
        }
    }

    private static String freshKey() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    String apiKey() {
        return apiKey;
    }

    static LocalServices start(Path home, LocalInfra infra, Path logs) throws IOException, InterruptedException {
        return start(home, infra, logs, FeatureScale.DEFAULT);
    }

    static LocalServices start(Path home, LocalInfra infra, Path logs, FeatureScale featureScale) throws IOException, InterruptedException {
        return start(home, infra, logs, featureScale, Map.of());
    }

    /** {@code settings}: by module name ({@code feature-service} for all its instances), environment variables to add. */
    static LocalServices start(Path home, LocalInfra infra, Path logs, FeatureScale featureScale, Map<String, Map<String, String>> settings)
            throws IOException, InterruptedException {
        return start(home, infra, logs, featureScale, settings, Map.of());
    }

    /** {@code heaps}: by module name, the largest heap ({@code -Xmx} value, e.g. {@code 2g}) instead of the default. */
    static LocalServices start(Path home, LocalInfra infra, Path logs, FeatureScale featureScale, Map<String, Map<String, String>> settings,
                               Map<String, String> heaps) throws IOException, InterruptedException {
        LocalServices services = new LocalServices(home, infra, logs, featureScale, settings, heaps);
        try {
            List<String> names = new ArrayList<>(SERVICES);
            names.addAll(names.indexOf("feature-service") + 1, featureScale.names().subList(1, featureScale.instances()));
            // Every port first: the gateway calls the embedding service, which starts after it.
            for (String service : names) {
                services.ports.put(service, FreePorts.next());
            }
            for (String service : names) {
                services.processes.add(services.launch(service, localJvm(service)));
            }
            services.awaitReady(services.processes);
            return services;
        } catch (IOException | RuntimeException | InterruptedException e) {
            services.close();
            throw e;
        }
    }

    String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    /**
     * The JVM options of the prod overlay's gateway (deploy/k8s/overlays/prod): one core, as its 500m request, and the
     * JVM's own compilers and collector for it (C2; serial on one core). The local ones start faster and run slower.
     */
    static final List<String> DEPLOYED_GATEWAY = List.of("-XX:ActiveProcessorCount=1");

    /** Kills a service with SIGKILL and starts it again on the same port; returns once it is ready. */
    void killAndRestart(String service) throws IOException, InterruptedException {
        killAndRestart(service, localJvm(service));
    }

    /** As {@link #killAndRestart(String)}, the new process with {@code jvmOptions} instead of the local ones. */
    void killAndRestart(String service, List<String> jvmOptions) throws IOException, InterruptedException {
        ChildProcess old = processes.stream().filter(p -> p.name().equals(service)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(service + " is not running"));
        old.kill();
        processes.remove(old);
        ChildProcess fresh = launch(service, jvmOptions);
        processes.add(fresh);
        awaitReady(List.of(fresh));
    }

    /** Quick starts for a local run: the serial collector, and the client compiler only. */
    private static final List<String> LOCAL_JVM = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /**
     * The clustering service keeps both compilers: its loops (k-means, the mixtures, the metrics, the maps) run for
     * minutes on a large library, and the client compiler alone made them 1.44 times slower (100,000 × 400, four
     * algorithms and a map: 275 s against 191 s; docs/scale.md). The others start quicker with it and spend their time
     * in Kafka, the store, ffmpeg and libtorch.
     */
    private static List<String> localJvm(String service) {
        return service.equals("clustering-service") ? List.of("-XX:+UseSerialGC") : LOCAL_JVM;
    }

    private ChildProcess launch(String service, List<String> jvmOptions) throws IOException {
        String module = service.startsWith("feature-service") ? "feature-service" : service;
        Path jar = home.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + " is missing: build first with ./mvnw -DskipTests install");
        }
        Map<String, String> environment = new LinkedHashMap<>(infra.environment());
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(ports.get(service)));
        if (service.equals("gateway")) {
            environment.put("MUSICLUSTER_GATEWAY_EMBEDDING_URL", url("embedding-service"));
            environment.put("MUSICLUSTER_GATEWAY_API_KEYS", "local:" + apiKey);
        }
        environment.put("MUSICLUSTER_EXIT_WITH_PARENT", "true");
        environment.putAll(settings.getOrDefault(module, Map.of()));
        // Lingua's language models need room beyond what the other services use; so do the contrastive model's whole-song
        // spectrograms (400 songs × 128 × 1280 floats: 262 MB, held twice while it trains: as read and standardised).
        String heap = heaps.containsKey(module) ? "-Xmx" + heaps.get(module) : switch (module) {
            case "embedding-service" -> "-Xmx1g";
            case "training-service" -> "-Xmx1536m";
            default -> "-Xmx768m";
        };
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms64m", heap));
        command.addAll(jvmOptions);
        command.add("-Djava.awt.headless=true");
        if (module.equals("feature-service") && featureScale.cores() > 0) {
            command.add("-XX:ActiveProcessorCount=" + featureScale.cores());
        }
        command.addAll(List.of("-jar", jar.toString()));
        return ChildProcess.start(service, command, environment, logs.resolve(service + ".log"));
    }

    private void awaitReady(List<ChildProcess> starting) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        for (ChildProcess process : starting) {
            GatewayClient probe = new GatewayClient(url(process.name()));
            while (!probe.ready()) {
                if (!process.isAlive()) {
                    throw new IOException(process.name() + " exited during start-up:\n" + process.tail());
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException(process.name() + " not ready within " + READY_TIMEOUT + "; log: " + process.log());
                }
                Thread.sleep(250);
            }
        }
    }

    List<ChildProcess> processes() {
        return List.copyOf(processes);
    }

    @Override
    public void close() {
        processes.parallelStream().forEach(ChildProcess::close);
    }
}
