package dev.musicluster.cli;

import dev.musicluster.cli.report.RunResults;
import dev.musicluster.cli.report.SeedStatistics;
import dev.musicluster.contracts.events.SongSelection;
import dev.musicluster.library.ManifestEntry;
import dev.musicluster.infra.LocalInfra;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "The main job: start Kafka, S3 and the five services locally (or use --gateway), ingest the songs, "
                + "follow them through the pipeline, write and show the results.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:finished, every model clustered",
                "1:the run failed (a stage timed out, the run was refused, or every model failed)",
                "2:finished, but some songs were refused (the others went in)",
                "3:finished, but some model failed: the others were clustered and reported (wins over 2)"})
final class RunCommand implements Callable<Integer> {

    @Mixin
    SongSource source;

    @Option(names = "--out", defaultValue = "results", paramLabel = "DIR", description = "Results folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--gateway", paramLabel = "URL", description = "Run against a deployed system instead of starting one.")
    String gateway;

    @Option(names = "--api-key", defaultValue = "${env:MUSICLUSTER_API_KEY}", paramLabel = "KEY",
            description = "With --gateway: the gateway's API key for writes (default: $MUSICLUSTER_API_KEY). Locally a fresh "
                    + "key is made for each run.")
    String apiKey;

    @Option(names = "--work", defaultValue = ".musicluster/run", paramLabel = "DIR",
            description = "Working folder of the embedded infrastructure and the service logs (default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--keep-running", description = "Keep everything up after the job (the gateway's URL is printed); Ctrl-C stops it.")
    boolean keepRunning;

    @Option(names = {"--stall-timeout", "--stage-timeout"}, defaultValue = "PT10M", paramLabel = "DURATION",
            description = "A stage fails when no song has moved through it for this long, ISO-8601; it waits as long as songs keep "
                    + "moving, however many (default: ${DEFAULT-VALUE}).")
    Duration stageTimeout;

    @Option(names = "--run-timeout", defaultValue = "PT60M", paramLabel = "DURATION",
            description = "Training and clustering fail when no epoch and no model has moved for this long, ISO-8601 "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration runTimeout;

    @Option(names = "--models", split = ",", paramLabel = "M,M",
            description = "Models to train, the first one primary: hybrid-vae, conv-vae, vae, beta-vae, cvae, ae, contrastive, vade "
                    + "(default: all that apply to the songs but contrastive and vade; none: ingest and extract only).")
    List<String> models;

    @Option(names = "--epochs", paramLabel = "N", description = "Training epochs (default: the training service's, 40).")
    Integer epochs;

    @Option(names = "--latent", paramLabel = "N", description = "Latent dimensions (default: 32).")
    Integer latent;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of training and clustering (default: 42).")
    Long seed;

    @Option(names = "--seeds", defaultValue = "1", paramLabel = "N",
            description = "Train and cluster N times, with seeds --seed, --seed + 1, ...; the first run's results and report go to "
                    + "--out, the others to --out/seeds/seed-S, and quality.csv holds every metric's mean and standard deviation "
                    + "over the runs (default: ${DEFAULT-VALUE}).")
    int seeds;

    /** The training service's own default, named here so that repeated runs count up from it. */
    private static final long DEFAULT_SEED = 42;

    @Option(names = "--hyper", paramLabel = "NAME=VALUE",
            description = "Any other hyper-parameter of the training service by name, e.g. --hyper lr=0.0005 (docs/training.md).")
    Map<String, String> hyper;

    @Option(names = "--algorithms", split = ",", paramLabel = "A,A",
            description = "Clustering algorithms, the first one primary (default: the clustering service's).")
    List<String> algorithms;

    @Option(names = "--k", paramLabel = "N|auto", description = "Number of clusters, or auto (default: auto).")
    String k;

    @Option(names = "--exclude", paramLabel = "LABEL=VALUE",
            description = "Leave out the songs whose label has this value (repeatable; e.g. --exclude genre=talk). Your selection, "
                    + "recorded in each model's provenance; labels never enter a representation.")
    List<String> exclude;

    @Option(names = "--min-seconds", paramLabel = "S", description = "Leave out tracks shorter than S seconds.")
    Double minSeconds;

    @Option(names = "--max-seconds", paramLabel = "S", description = "Leave out tracks longer than S seconds (DJ sets, say).")
    Double maxSeconds;

    @Option(names = "--per-artist", defaultValue = "0", paramLabel = "N",
            description = "At most N songs of one artist in each playlist (default: 0, no limit: a playlist holds its cluster).")
    int perArtist;

    /** Whether a model of any run (any seed) failed: the job then ends with {@link Reports#SOME_MODELS_FAILED}. */
    private boolean modelsFailed;

    @Override
    public Integer call() throws Exception {
        PrintStream console = System.out;
        if (seeds < 1) {
            throw new IllegalArgumentException("--seeds must be at least 1, not " + seeds);
        }
        List<ManifestEntry> entries = source.load(console);
        console.printf("%d songs to ingest%n", entries.size());
        if (gateway != null) {
            return runAgainst(new GatewayClient(gateway, apiKey), entries, console);
        }
        Path home = Path.of(System.getProperty("musicluster.home", ".")).toAbsolutePath().normalize();
        deleteRecursively(work);
        long started = System.nanoTime();
        try (LocalInfra infra = LocalInfra.start(work.resolve("infra"))) {
            console.printf("infrastructure: Kafka %s, S3 %s (%.1f s)%n", infra.kafka().bootstrapServers(), infra.s3().endpoint(),
                    (System.nanoTime() - started) / 1e9);
            try (LocalServices services = LocalServices.start(home, infra, work.resolve("logs"))) {
                console.printf("services ready (%.1f s): gateway %s; logs in %s%n", (System.nanoTime() - started) / 1e9,
                        services.url("gateway"), work.resolve("logs"));
                int exit = runAgainst(new GatewayClient(services.url("gateway"), services.apiKey()), entries, console);
                if (keepRunning) {
                    console.printf("%nkeeping everything up: web UI %s/ and API %s/q/swagger-ui — Ctrl-C stops%n",
                            services.url("gateway"), services.url("gateway"));
                    console.printf("API key for writes (uploads, runs), valid until then: %s%n", services.apiKey());
                    new CountDownLatch(1).await();
                }
                return exit;
            }
        }
    }

    private int runAgainst(GatewayClient gateway, List<ManifestEntry> entries, PrintStream console) throws Exception {
        BulkIngest.Report report = BulkIngest.run(gateway, entries, console);
        int exit = Reports.summarise(report, console);
        Set<String> ids = new HashSet<>(report.ids());
        awaitStage(gateway, ids, "listed", song -> true, console);
        awaitStage(gateway, ids, "features", song -> SongStages.settled(song, "features"), console);
        List<Map<String, Object>> songs = awaitStage(gateway, ids, "lyrics", song -> SongStages.settled(song, "lyrics"), console);
        List<String> requested = models == null ? PipelineRun.applicableModels(entries, "language") : models;
        boolean trains = !requested.isEmpty() && !requested.equals(List.of("none"));
        if (trains) {
            long first = seed == null ? DEFAULT_SEED : seed;
            songs = trainAndCluster(gateway, requested, ids, first, out, console);
            if (seeds > 1) {
                List<RunResults> results = new ArrayList<>(List.of(new RunResults(out)));
                for (long s = first + 1; s < first + seeds; s++) {
                    Path folder = out.resolve("seeds").resolve("seed-" + s);
                    trainAndCluster(gateway, requested, ids, s, folder, console);
                    results.add(new RunResults(folder));
                }
                List<SeedStatistics.Row> rows = SeedStatistics.of(results);
                SeedStatistics.write(rows, out.resolve("quality.csv"));
                SeedStatistics.print(rows, console);
                console.printf("%nevery metric over %d seeds in %s%n", seeds, out.resolve("quality.csv").toAbsolutePath());
            }
        }
        if (trains) {
            // The active clustering's playlists, pointing at the songs' files so that they play after the services stop.
            Path playlists = out.resolve("playlists");
            PlaylistFiles.print(PlaylistFiles.write(gateway, playlists, source.libraryRoot().toAbsolutePath() + "/", perArtist),
                    playlists, console);
            DuplicateTable.write(gateway, out, console);
        }
        console.println();
        SongTable.print(songs, console);
        Path table = out.resolve("songs.csv");
        SongTable.write(songs, table);
        console.printf("%n%d songs listed by the gateway; written to %s%n", songs.size(), table.toAbsolutePath());
        if (trains) {
            Path html = ReportCommand.write(out, Map.of("songs from", source.describe(), "gateway", gateway.base().toString()));
            console.printf("report: %s (plots in %s)%n", html.toAbsolutePath(), out.resolve("plots").toAbsolutePath());
        }
        return modelsFailed ? Reports.SOME_MODELS_FAILED : exit;
    }

    private List<Map<String, Object>> trainAndCluster(GatewayClient gateway, List<String> requested, Set<String> ids, long runSeed,
                                                      Path into, PrintStream console) throws IOException, InterruptedException {
        Map<String, String> hyperParameters = new java.util.LinkedHashMap<>();
        if (hyper != null) {
            hyperParameters.putAll(hyper);
        }
        if (epochs != null) {
            hyperParameters.put("epochs", epochs.toString());
        }
        if (latent != null) {
            hyperParameters.put("latent", latent.toString());
        }
        hyperParameters.put("seed", Long.toString(runSeed));
        Map<String, Object> config = new java.util.LinkedHashMap<>();
        config.put("models", requested);
        config.put("hyperParameters", hyperParameters);
        config.put("algorithms", algorithms == null ? List.of() : algorithms);
        config.put("k", k);
        if (exclude != null || minSeconds != null || maxSeconds != null) {
            // Checked here as the services will, so that a mistyped exclusion fails before any upload is awaited.
            config.put("selection", new SongSelection(SongSelection.parseExclusions(exclude == null ? List.of() : exclude), minSeconds,
                    maxSeconds));
        }
        long started = System.nanoTime();
        String runId = gateway.startRun(config);
        console.printf("%nrun %s (seed %d): training %s%n", runId, runSeed, String.join(", ", requested));
        com.fasterxml.jackson.databind.JsonNode run = PipelineRun.await(gateway, runId, requested, runTimeout, console);
        console.printf("run %s trained and clustered in %.1f s%n", runId, (System.nanoTime() - started) / 1e9);
        List<Map<String, Object>> songs = awaitStage(gateway, ids, "cluster",
                song -> SongStages.settled(song, "cluster") || SongStages.failed(song, "features"), console);
        PipelineRun.download(gateway, run, into);
        PipelineRun.printMetrics(new RunResults(into), console);
        PipelineRun.printClusters(new RunResults(into), console);
        console.printf("%nresults of %s in %s: clustering_metrics.csv, assignments.csv, latents/, maps/, history/, reconstructions/%n",
                runId, into.toAbsolutePath());
        Map<String, String> failed = RunResults.failedModels(run);
        if (!failed.isEmpty()) {
            modelsFailed = true;
            console.printf("%n%d of %d models failed and are not in the results (exit status %d):%n", failed.size(),
                    run.path("byModel").size(), Reports.SOME_MODELS_FAILED);
            failed.forEach((model, reason) -> console.printf("  %s: %s%n", model, reason));
        }
        return songs;
    }

    private List<Map<String, Object>> awaitStage(GatewayClient gateway, Set<String> ids, String stage,
                                                 Predicate<Map<String, Object>> settled, PrintStream console)
            throws IOException, InterruptedException {
        return SongStages.await(gateway, ids, stage, settled, stageTimeout, Duration.ofMillis(250), console);
    }

    /** Removes a folder and everything in it; nothing when it does not exist. */
    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
