package dev.musicluster.cli;

import dev.musicluster.demo.DemoCorpus;
import dev.musicluster.demo.ManifestEntry;
import dev.musicluster.demo.SongManifest;
import dev.musicluster.infra.LocalInfra;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = "A bounded load test on loopback: the embedded system, an active model trained on a warm-up set, then "
                + "N generated songs through the gateway; prints throughput, p50/p99 latency from ingest to features and to "
                + "cluster assignment, and how many songs were lost.")
final class LoadCommand implements Callable<Integer> {

    /** Listing thousands of songs is work for the gateway too: once a second, not four times. */
    private static final Duration POLL = Duration.ofSeconds(1);

    @Option(names = "--songs", defaultValue = "2000", paramLabel = "N", description = "Songs in the load (default: ${DEFAULT-VALUE}).")
    int songs;

    @Option(names = "--distinct", defaultValue = "100", paramLabel = "N",
            description = "Distinct synthetic recordings, reused under new ids; also the warm-up set (default: ${DEFAULT-VALUE}).")
    int distinct;

    @Option(names = "--seconds", defaultValue = "10", paramLabel = "S", description = "Length of each recording (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--work", defaultValue = ".musicluster/load", paramLabel = "DIR", description = "Working folder (default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--timeout", defaultValue = "PT40M", paramLabel = "DURATION", description = "Longest wait for the load (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        PrintStream console = System.out;
        Path home = Path.of(System.getProperty("musicluster.home", ".")).toAbsolutePath().normalize();
        Path corpus = DemoCorpus.generate(work.resolve("corpus"), distinct, seconds, Runtime.getRuntime().availableProcessors());
        List<ManifestEntry> recordings = SongManifest.read(corpus, "label");
        // A fresh broker, store and logs each time; the generated corpus is kept.
        RunCommand.deleteRecursively(work.resolve("infra"));
        RunCommand.deleteRecursively(work.resolve("logs"));
        try (LocalInfra infra = LocalInfra.start(work.resolve("infra"));
             LocalServices services = LocalServices.start(home, infra, work.resolve("logs"))) {
            GatewayClient gateway = new GatewayClient(services.url("gateway"), services.apiKey());
            console.printf("warm-up: %d songs, then a vae (5 epochs, kmeans) becomes the active model%n", recordings.size());
            BulkIngest.run(gateway, recordings, console);
            SongStages.await(gateway, ids(recordings), "lyrics", song -> SongStages.settled(song, "lyrics"), Duration.ofMinutes(10),
                    POLL, console);
            String runId = gateway.startRun(Map.of("models", List.of("vae"), "hyperParameters", Map.of("epochs", "5"),
                    "algorithms", List.of("kmeans"), "k", "auto"));
            PipelineRun.await(gateway, runId, List.of("vae"), Duration.ofMinutes(10), console);

            List<ManifestEntry> load = new ArrayList<>();
            for (int i = 0; i < songs; i++) {
                ManifestEntry r = recordings.get(i % recordings.size());
                load.add(new ManifestEntry(String.format("load-%05d", i), r.audio(), r.title() + " #" + i, r.artist(), r.lyrics(), r.labels()));
            }
            console.printf("load: %d songs through the gateway%n", songs);
            long started = System.nanoTime();
            BulkIngest.Report report = BulkIngest.run(gateway, load, console);
            double uploadSeconds = (System.nanoTime() - started) / 1e9;
            List<Map<String, Object>> done = SongStages.await(gateway, ids(load), "cluster", song -> SongStages.settled(song, "cluster"),
                    timeout, POLL, console);
            double totalSeconds = (System.nanoTime() - started) / 1e9;
            summarise(done, ids(load), report, uploadSeconds, totalSeconds, console);
            return report.failures().isEmpty() ? 0 : 2;
        }
    }

    private static Set<String> ids(List<ManifestEntry> entries) {
        Set<String> ids = new HashSet<>();
        entries.forEach(e -> ids.add(e.id()));
        return ids;
    }

    private static void summarise(List<Map<String, Object>> all, Set<String> ids, BulkIngest.Report report, double uploadSeconds,
                                  double totalSeconds, PrintStream console) {
        List<Double> toFeatures = new ArrayList<>();
        List<Double> toCluster = new ArrayList<>();
        int failed = 0;
        for (Map<String, Object> song : all) {
            if (!ids.contains(String.valueOf(song.get("id")))) {
                continue;
            }
            Instant ingested = Instant.parse(String.valueOf(song.get("ingestedAt")));
            Map<String, Object> features = SongStages.of(song, "features");
            Map<String, Object> cluster = SongStages.of(song, "cluster");
            if (!"DONE".equals(cluster.get("state"))) {
                failed++;
                continue;
            }
            toFeatures.add(Duration.between(ingested, Instant.parse(String.valueOf(features.get("at")))).toMillis() / 1e3);
            toCluster.add(Duration.between(ingested, Instant.parse(String.valueOf(cluster.get("at")))).toMillis() / 1e3);
        }
        console.printf("%nsongs %d: %d accepted by the gateway, %d refused, %d clustered, %d failed or lost%n", ids.size(), report.accepted(),
                report.failures().size(), toCluster.size(), ids.size() - toCluster.size());
        console.printf("upload  %.1f s: %.1f songs/s through the gateway%n", uploadSeconds, ids.size() / uploadSeconds);
        console.printf("overall %.1f s: %.1f songs/s from the first upload to the last cluster assignment%n", totalSeconds,
                toCluster.size() / totalSeconds);
        console.printf("latency ingest -> features: p50 %.1f s, p99 %.1f s, max %.1f s%n", percentile(toFeatures, 50),
                percentile(toFeatures, 99), percentile(toFeatures, 100));
        console.printf("latency ingest -> cluster:  p50 %.1f s, p99 %.1f s, max %.1f s%n", percentile(toCluster, 50),
                percentile(toCluster, 99), percentile(toCluster, 100));
    }

    private static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
