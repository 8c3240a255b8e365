package dev.musicluster.cli;

import dev.musicluster.cli.report.ScaleGrowth;
import dev.musicluster.demo.DemoCorpus;
import dev.musicluster.library.ManifestEntry;
import dev.musicluster.library.SongDescription;
import dev.musicluster.library.SongManifest;
import dev.musicluster.infra.LocalInfra;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = "A bounded load test on loopback: the embedded system, an active model trained on a warm-up set, then "
                + "N generated songs (or real ones joined to real length, --real) through the gateway; prints throughput, "
                + "p50/p99 latency from ingest to features and to cluster assignment, how many songs were lost, and what the "
                + "topics hold for them. With --fault, the fault is injected once a quarter of the songs are clustered, and the "
                + "time to recover is printed too.")
final class LoadCommand implements Callable<Integer> {

    /** Listing thousands of songs is work for the gateway too: once a second, not four times. */
    private static final Duration POLL = Duration.ofSeconds(1);

    @Option(names = "--songs", defaultValue = "2000", paramLabel = "N", description = "Songs in the load (default: ${DEFAULT-VALUE}).")
    int songs;

    @Option(names = "--distinct", defaultValue = "100", paramLabel = "N",
            description = "Distinct synthetic recordings, reused under new ids, and the warm-up set; with --real, only the warm-up "
                    + "set (default: ${DEFAULT-VALUE}).")
    int distinct;

    @Option(names = "--seconds", defaultValue = "10", paramLabel = "S", description = "Length of each recording (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--real", paramLabel = "PATH",
            description = "Real clips (a songs.csv or a folder of one format) joined into real-length songs, instead of generated "
                    + "recordings: --distinct of them for the warm-up, --songs others for the load, every one different.")
    Path real;

    @Option(names = "--minutes", defaultValue = "4", paramLabel = "M",
            description = "With --real: each song's length, clip after clip (default: ${DEFAULT-VALUE}).")
    double minutes = 4;

    @Option(names = "--feature-instances", defaultValue = "1", paramLabel = "N",
            description = "Feature-service processes in one consumer group, as the Deployment's replicas (default: ${DEFAULT-VALUE}).")
    int featureInstances = 1;

    @Option(names = "--feature-cores", defaultValue = "0", paramLabel = "C",
            description = "Cores each feature-service process sees, as the manifests set it from a pod's CPU request "
                    + "(-XX:ActiveProcessorCount): its workers and PyTorch threads follow "
                    + "(default: 0, the machine's).")
    int featureCores;

    @Option(names = "--fault", paramLabel = "FAULT",
            description = "Injected mid-stream: broker-restart, store-outage (10 s) or kill:SERVICE (SIGKILL, then started again).")
    String fault;

    @Option(names = "--simulate", paramLabel = "N",
            description = "The scale harness (docs/scale.md): N songs whose analysis is simulated (of the real shape and size; no "
                    + "decoding, no networks) through the real Kafka, store, training, clustering and gateway; the default run at the "
                    + "end, then the reads, hostile reads, a gateway restart, peak memory and bytes; every stage's time printed and "
                    + "written to WORK/results/scale.csv.")
    Integer simulate;

    @Option(names = "--reuse",
            description = "With --simulate: measure again, from the run on, the library an earlier --simulate of the same N and seed "
                    + "loaded into --work (no generating, uploading or analysing; requests it left unfinished are skipped).")
    boolean reuse;

    @Option(names = "--shared-tensors",
            description = "With --simulate: songs of one simulated sound share their spectrograms in the store (where disk is short).")
    boolean sharedTensors;

    @Option(names = "--models", split = ",", paramLabel = "M,M",
            description = "With --simulate: the models of the run (default: every model that applies, as the main job).")
    List<String> models;

    @Option(names = "--epochs", paramLabel = "N", description = "With --simulate: epochs per model (default: the training service's).")
    Integer epochs;

    @Option(names = "--algorithms", split = ",", paramLabel = "A,A",
            description = "With --simulate: the run's clustering algorithms, the first primary (default: the clustering service's).")
    List<String> algorithms;

    @Option(names = "--k", paramLabel = "N|auto", description = "With --simulate: the run's number of clusters (default: the clustering service's).")
    String k;

    @Option(names = "--reads", defaultValue = "50", paramLabel = "N",
            description = "With --simulate: requests of each kind of read (default: ${DEFAULT-VALUE}).")
    int reads;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "With --simulate: the library's seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--growth", split = ",", paramLabel = "CSV,CSV",
            description = "Instead of a load: the scale.csv of --simulate runs at several sizes side by side, each measure's growth "
                    + "exponent (log-log slope), as a Markdown table; with --plot, the stages' times drawn.")
    List<Path> growth;

    @Option(names = "--plot", paramLabel = "PNG", description = "With --growth: where the stages' times over the library's size are drawn.")
    Path plot;

    @Option(names = "--work", defaultValue = ".musicluster/load", paramLabel = "DIR", description = "Working folder (default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--timeout", defaultValue = "PT40M", paramLabel = "DURATION", description = "Longest wait for the load (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    /** A fault as it happened: when it struck, when the system was whole again, and the first song clustered after. */
    record FaultReport(String description, int clusteredBefore, Instant injectedAt, Instant recoveredAt, Optional<Instant> firstAfter) {

        double outageSeconds() {
            return Duration.between(injectedAt, recoveredAt).toMillis() / 1e3;
        }

        /** From the system being whole again to the next song's cluster assignment. */
        double recoverySeconds() {
            return firstAfter.map(at -> Duration.between(recoveredAt, at).toMillis() / 1e3).orElse(Double.NaN);
        }

        void print(PrintStream console) {
            console.printf("fault: %s after %d songs were clustered; whole again after %.1f s; next cluster assignment %.1f s later%n",
                    description, clusteredBefore, outageSeconds(), recoverySeconds());
        }
    }

    record Outcome(LoadSummary summary, DeliveryAudit.Report audit, Optional<FaultReport> fault) {

        /** Every song clustered, one assignment each, none refused or dead-lettered. */
        boolean ok() {
            DeliveryAudit.Stage assignments = audit.assignments();
            return summary.refused() == 0 && summary.lost() == 0 && assignments.songs() == summary.songs()
                    && assignments.songsTwice() == 0 && audit.songsWithConflictingClusters() == 0 && audit.deadLetters() == 0;
        }
    }

    /** The repository the services' jars are built in. */
    Path home = Path.of(System.getProperty("musicluster.home", ".")).toAbsolutePath().normalize();

    @Override
    public Integer call() throws Exception {
        if (growth != null) {
            List<ScaleGrowth.Row> rows = ScaleGrowth.read(growth);
            System.out.print(ScaleGrowth.markdown(rows));
            if (plot != null) {
                ScaleGrowth.plot(rows, plot);
            }
            return 0;
        }
        if (simulate != null) {
            return simulate(System.out).ok() ? 0 : 2;
        }
        return run(System.out).ok() ? 0 : 2;
    }

    ScaleHarness.Outcome simulate(PrintStream console) throws IOException, InterruptedException {
        if (simulate < 1) {
            throw new IllegalArgumentException("--simulate needs at least one song, not " + simulate);
        }
        return new ScaleHarness(new ScaleHarness.Plan(simulate, seed, sharedTensors, models, epochs, algorithms, k, reads,
                Duration.ofMinutes(10), work, Map.of(), reuse),
                home).run(console);
    }

    Outcome run(PrintStream console) throws IOException, InterruptedException {
        Optional<Fault> injected = Optional.ofNullable(fault).map(Fault::parse);
        LocalServices.FeatureScale scale = new LocalServices.FeatureScale(featureInstances, featureCores);
        List<ManifestEntry> recordings;
        List<ManifestEntry> loadAudio;
        if (real != null) {
            List<ManifestEntry> joined = JoinedSongs.make(SongManifest.read(real, "label"), distinct + songs, minutes * 60,
                    work.resolve("joined"));
            recordings = joined.subList(0, distinct);
            loadAudio = joined.subList(distinct, distinct + songs);
            console.printf("%d real songs of %.1f minutes or more, joined from the clips in %s%n", joined.size(), minutes, real);
        } else {
            Path corpus = DemoCorpus.generate(work.resolve("corpus"), distinct, seconds, Runtime.getRuntime().availableProcessors());
            recordings = SongManifest.read(corpus, "label");
            loadAudio = recordings;
        }
        // A fresh broker, store and logs each time; the generated corpus and the joined songs are kept.
        RunCommand.deleteRecursively(work.resolve("infra"));
        RunCommand.deleteRecursively(work.resolve("logs"));
        try (LocalInfra infra = LocalInfra.start(work.resolve("infra"));
             LocalServices services = LocalServices.start(home, infra, work.resolve("logs"), scale)) {
            if (featureInstances > 1 || featureCores > 0) {
                console.printf("feature service: %d instance(s) in one consumer group, %s each%n", featureInstances,
                        featureCores > 0 ? featureCores + " core(s)" : "every core");
            }
            GatewayClient gateway = new GatewayClient(services.url("gateway"), services.apiKey());
            console.printf("warm-up: %d songs, then a vae (5 epochs, kmeans) becomes the active model%n", recordings.size());
            BulkIngest.run(gateway, recordings, console);
            // Both stages: short generated recordings have their features before their lyrics, real-length songs after.
            SongStages.await(gateway, ids(recordings), "features", song -> SongStages.settled(song, "features"), Duration.ofMinutes(10),
                    POLL, console);
            SongStages.await(gateway, ids(recordings), "lyrics", song -> SongStages.settled(song, "lyrics"), Duration.ofMinutes(10),
                    POLL, console);
            String runId = gateway.startRun(Map.of("models", List.of("vae"), "hyperParameters", Map.of("epochs", "5"),
                    "algorithms", List.of("kmeans"), "k", "auto"));
            PipelineRun.await(gateway, runId, List.of("vae"), Duration.ofMinutes(10), console);

            List<ManifestEntry> load = new ArrayList<>();
            for (int i = 0; i < songs; i++) {
                ManifestEntry r = loadAudio.get(i % loadAudio.size());
                SongDescription described = r.description();
                load.add(new ManifestEntry(String.format("load-%05d", i), r.audio(), described.title() + " #" + i, described.artist(),
                        described.lyrics(), described.labels(), r.source()));
            }
            Set<String> ids = ids(load);
            console.printf("load: %d songs through the gateway%s%n", songs, injected.map(f -> "; fault: " + f.describe()).orElse(""));
            long started = System.nanoTime();
            CompletableFuture<FaultReport> faulting = injected.map(f -> CompletableFuture.supplyAsync(
                    () -> injectMidStream(f, infra, services, gateway, ids))).orElse(null);
            BulkIngest.Report report = BulkIngest.run(gateway, load, console);
            double uploadSeconds = (System.nanoTime() - started) / 1e9;
            List<Map<String, Object>> done = SongStages.await(gateway, ids, "cluster", song -> SongStages.settled(song, "cluster"),
                    timeout, POLL, console);
            double totalSeconds = (System.nanoTime() - started) / 1e9;
            Optional<FaultReport> faultReport = faulting == null ? Optional.empty() : Optional.of(withFirstAfter(join(faulting), done, ids));
            Outcome outcome = new Outcome(LoadSummary.of(done, ids, report, uploadSeconds, totalSeconds),
                    DeliveryAudit.of(infra.kafka().bootstrapServers(), ids), faultReport);
            outcome.summary().print(console);
            outcome.fault().ifPresent(f -> f.print(console));
            outcome.audit().print(console);
            return outcome;
        }
    }

    /** Waits until a quarter of the songs are clustered (mid-stream), then injects the fault. */
    private static FaultReport injectMidStream(Fault fault, LocalInfra infra, LocalServices services, GatewayClient gateway,
                                               Set<String> ids) {
        try {
            int clustered = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (clustered < Math.max(1, ids.size() / 4) && System.nanoTime() < deadline) {
                Thread.sleep(POLL.toMillis());
                clustered = (int) SongStages.count(gateway.songs(), ids, s -> SongStages.done(s, "cluster"));
            }
            Instant injectedAt = Instant.now();
            Instant recoveredAt = fault.inject(infra, services);
            return new FaultReport(fault.describe(), clustered, injectedAt, recoveredAt, Optional.empty());
        } catch (IOException e) {
            throw new IllegalStateException("could not inject " + fault.describe() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while injecting " + fault.describe(), e);
        }
    }

    private static FaultReport join(CompletableFuture<FaultReport> faulting) throws IOException, InterruptedException {
        try {
            return faulting.get();
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        }
    }

    private static FaultReport withFirstAfter(FaultReport report, List<Map<String, Object>> songs, Set<String> ids) {
        Optional<Instant> first = songs.stream().filter(s -> ids.contains(String.valueOf(s.get("id"))) && SongStages.done(s, "cluster"))
                .map(s -> Instant.parse(String.valueOf(SongStages.of(s, "cluster").get("at"))))
                .filter(at -> !at.isBefore(report.recoveredAt())).min(Instant::compareTo);
        return new FaultReport(report.description(), report.clusteredBefore(), report.injectedAt(), report.recoveredAt(), first);
    }

    private static Set<String> ids(List<ManifestEntry> entries) {
        Set<String> ids = new HashSet<>();
        entries.forEach(e -> ids.add(e.id()));
        return ids;
    }
}
