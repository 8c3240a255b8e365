package dev.musicluster.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.musicluster.contracts.Topics;
import dev.musicluster.infra.ChildProcess;
import dev.musicluster.infra.LocalInfra;
import dev.musicluster.library.ManifestEntry;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownMemberIdException;

/**
 * The scale harness ({@code musicluster load --simulate N}, docs/scale.md): N songs through the running system whose
 * analysis is simulated ({@code musicluster.features.analysis=simulated}): only decoding and the networks are
 * skipped; Kafka, the store, training, clustering, playlists, duplicates and the gateway do their real work. Each
 * stage's wall time, the reads people make (p50/p99), the hostile ones, the gateway's restart, each service's peak
 * memory and the bytes in the store and on each topic are printed and written to {@code scale.csv}.
 */
final class ScaleHarness {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofSeconds(2);
    /** Tiny files: the uploads wait on the gateway's round trips (store, broker), so more of them at once. */
    private static final int PARALLEL_UPLOADS = 12;

    /**
     * What the harness is asked: how many songs, which models, algorithms and k (null: the services' defaults), and how
     * the run goes; {@code settings}: environment variables for a service (by module name), beyond the harness's own;
     * {@code reuse}: the library an earlier harness loaded into {@code work} (the same songs and seed) is measured
     * again from the run on, without generating, uploading and analysing it again.
     */
    record Plan(int songs, long seed, boolean sharedTensors, List<String> models, Integer epochs, List<String> algorithms, String k,
                int reads, Duration stall, Path work, Map<String, Map<String, String>> settings, boolean reuse) {
    }

    /** One measured line: a stage's time, a read's percentiles, a service's memory, the bytes of a place. */
    record Measure(String kind, String name, double value, String unit, String detail) {
    }

    /** Everything the harness measured and the counts it checks. */
    record Outcome(int songs, int listed, int analysed, int clustered, int failed, int playlistSongs, int playlistMembers,
                   List<Measure> measures, Path results) {

        /** No song lost: every song listed, analysed and clustered, every cluster member in a playlist. */
        boolean ok() {
            return listed == songs && analysed == songs && clustered == songs && failed == 0 && playlistSongs == playlistMembers;
        }

        double value(String kind, String name) {
            return measures.stream().filter(m -> m.kind().equals(kind) && m.name().equals(name)).mapToDouble(Measure::value).findFirst()
                    .orElse(Double.NaN);
        }
    }

    private final Plan plan;
    private final Path home;
    private final List<Measure> measures = new ArrayList<>();

    ScaleHarness(Plan plan, Path home) {
        this.plan = plan;
        this.home = home;
    }

    Outcome run(PrintStream console) throws IOException, InterruptedException {
        Path work = plan.work();
        if (!plan.reuse()) {
            RunCommand.deleteRecursively(work);
        } else if (!Files.isDirectory(work.resolve("infra"))) {
            throw new IllegalArgumentException("nothing to reuse: " + work + " holds no library an earlier harness loaded");
        }
        long started = System.nanoTime();
        List<ManifestEntry> songs = SimulatedLibrary.write(work.resolve("library"), plan.songs(), plan.seed());
        stage("generate", started, plan.songs() + " tiny WAV files", console);
        started = System.nanoTime();
        // Simulated analysis waits on the store, not the CPU: more songs at once than cores.
        Map<String, String> featureSettings = Map.of("MUSICLUSTER_FEATURES_ANALYSIS", "simulated",
                "MUSICLUSTER_FEATURES_SIMULATED_TENSORS", plan.sharedTensors() ? "shared" : "own", "MUSICLUSTER_FEATURES_WORKERS", "8");
        Map<String, Map<String, String>> settings = new LinkedHashMap<>(plan.settings());
        settings.merge("feature-service", featureSettings, (asked, own) -> {
            Map<String, String> both = new LinkedHashMap<>(own);
            both.putAll(asked);
            return both;
        });
        try (LocalInfra infra = startInfra(work.resolve("infra"), console);
             LocalServices services = LocalServices.start(home, infra, work.resolve("logs"), LocalServices.FeatureScale.DEFAULT, settings,
                     heaps(plan.songs()))) {
            stage("start", started, "Kafka, S3 and the five services", console);
            GatewayClient gateway = new GatewayClient(services.url("gateway"), services.apiKey());

            started = System.nanoTime();
            if (!plan.reuse()) {
                BulkIngest.Report report = BulkIngest.run(gateway, songs, console, PARALLEL_UPLOADS);
                stage("upload", started, String.format(Locale.ROOT, "%d accepted, %d refused, %.1f songs/s", report.accepted(),
                        report.failures().size(), report.accepted() / seconds(started)), console);
            }
            String again = plan.reuse() ? " (reused)" : "";
            await(gateway, "listed" + again, LibraryCount::songs, started, console);
            await(gateway, "analysed" + again, l -> l.analysed() + l.failed(), started, console);

            started = System.nanoTime();
            List<String> models = plan.models() == null ? PipelineRun.applicableModels(songs, "language") : plan.models();
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("models", models);
            Map<String, String> hyper = new LinkedHashMap<>();
            if (plan.epochs() != null) {
                hyper.put("epochs", plan.epochs().toString());
            }
            config.put("hyperParameters", hyper);
            if (plan.algorithms() != null) {
                config.put("algorithms", plan.algorithms());
            }
            if (plan.k() != null) {
                config.put("k", plan.k());
            }
            String runId = gateway.startRun(config);
            console.printf("run %s: %s%n", runId, String.join(", ", models));
            JsonNode run = PipelineRun.await(gateway, runId, models, plan.stall(), console);
            stage("train and cluster", started, String.join(" ", models), console);
            LibraryCount clustered = await(gateway, "clustered", LibraryCount::clustered, started, console);

            Path results = work.resolve("results");
            started = System.nanoTime();
            PipelineRun.download(gateway, run, results);
            stage("download results", started, "run.json, metrics, assignments, latents, maps", console);
            started = System.nanoTime();
            List<Path> playlists = PlaylistFiles.write(gateway, results.resolve("playlists"), null, 0);
            int[] counts = playlistCounts(gateway);
            stage("playlists", started, playlists.size() + " playlists of " + counts[0] + " songs", console);
            started = System.nanoTime();
            int duplicates = DuplicateTable.write(gateway, results, console);
            stage("duplicates", started, duplicates + " pairs", console);

            reads(gateway, runId, models.get(0), "", console);
            webUi(services.url("gateway"), console);
            hostileReads(gateway, runId, models.get(0), console);
            memory(services, console);
            bytes(work.resolve("infra"), console);

            started = System.nanoTime();
            services.killAndRestart("gateway");
            stage("gateway restart: ready", started, "SIGKILL, then started again", console);
            gateway = new GatewayClient(services.url("gateway"), services.apiKey());
            // Ready means its view has replayed the topics: it should hold every song clustered at once.
            LibraryCount atReady = LibraryCount.of(gateway.library());
            measures.add(new Measure("gateway restart", "songs clustered in its view when ready", atReady.clustered(), "songs", ""));
            console.printf("the restarted gateway, when ready, holds %d of %d songs clustered%n", atReady.clustered(), plan.songs());
            LibraryCount restored = await(gateway, "gateway restart: whole view", LibraryCount::clustered, started, console);
            // Again with the prod overlay's JVM (one core, the server compiler): the restart a deployment sees.
            started = System.nanoTime();
            services.killAndRestart("gateway", LocalServices.DEPLOYED_GATEWAY);
            stage("gateway restart as deployed: ready", started, "SIGKILL, then started with " + String.join(" ", LocalServices.DEPLOYED_GATEWAY),
                    console);
            gateway = new GatewayClient(services.url("gateway"), services.apiKey());
            measures.add(new Measure("gateway restart as deployed", "songs clustered in its view when ready",
                    LibraryCount.of(gateway.library()).clustered(), "songs", ""));
            reads(gateway, runId, models.get(0), " as deployed", console);

            writeCsv(results.resolve("scale.csv"));
            Outcome outcome = new Outcome(plan.songs(), clustered.songs(), clustered.analysed(), restored.clustered(), clustered.failed(),
                    counts[0], counts[1], List.copyOf(measures), results);
            console.printf("%n%d songs: %d listed, %d analysed, %d clustered, %d failed; playlists hold %d of %d cluster members%n",
                    outcome.songs(), outcome.listed(), outcome.analysed(), outcome.clustered(), outcome.failed(), outcome.playlistSongs(),
                    outcome.playlistMembers());
            console.printf("measures in %s%n", results.resolve("scale.csv").toAbsolutePath());
            return outcome;
        }
    }

    /**
     * The heaps the library needs beyond the local defaults (768 MB), from what was measured (docs/scale.md): the
     * gateway's view holds a live 9.3 KB a song (16 KB a song leaves the serial collector room), the clustering service
     * a model's latents in floats and doubles and every song's tags (about 6 KB a song at 400 values; 10 KB given),
     * the training service every song's features twice during a run (the live view that encodes new songs, and the
     * run's own read of the topics: about 5 KB a song each; 12 KB given beside its sets) above its local 1,536 MB.
     * At 100,000 songs: 1,818, 1,488 and 1,939 MB.
     */
    static Map<String, String> heaps(int songs) {
        Map<String, String> heaps = new LinkedHashMap<>();
        long gateway = 256 + songs * 16L / 1024;
        long clustering = 512 + songs * 10L / 1024;
        long training = 768 + songs * 12L / 1024;
        if (gateway > 768) {
            heaps.put("gateway", gateway + "m");
        }
        if (clustering > 768) {
            heaps.put("clustering-service", clustering + "m");
        }
        if (training > 1536) {
            heaps.put("training-service", training + "m");
        }
        return heaps;
    }

    /** The library's counts as the gateway states them (GET /api/library: counts, not every song). */
    record LibraryCount(int songs, int analysed, int clustered, int failed) {

        static LibraryCount of(JsonNode library) {
            return new LibraryCount(library.path("songs").asInt(), library.path("analysed").asInt(), library.path("clustered").asInt(),
                    library.path("failed").size());
        }
    }

    /** Waits until the count reaches every song, as long as it keeps moving; records the time since {@code started}. */
    private LibraryCount await(GatewayClient gateway, String name, ToIntFunction<LibraryCount> count, long started, PrintStream console)
            throws IOException, InterruptedException {
        Progress progress = new Progress(console, name, plan.songs());
        long lastMove = System.nanoTime();
        int last = -1;
        while (true) {
            LibraryCount now;
            try {
                now = LibraryCount.of(gateway.library());
            } catch (IOException e) {
                // a gateway starting again answers nothing for a moment
                Thread.sleep(POLL.toMillis());
                continue;
            }
            int reached = count.applyAsInt(now);
            progress.update(Math.min(reached, plan.songs()));
            if (reached >= plan.songs()) {
                progress.done();
                stage(name, started, reached + " songs", console);
                return now;
            }
            if (reached != last) {
                last = reached;
                lastMove = System.nanoTime();
            } else if (System.nanoTime() - lastMove > plan.stall().toNanos()) {
                throw new IOException(name + ": stalled at " + reached + " of " + plan.songs() + " songs for " + plan.stall());
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Songs in the playlists, and songs in the clusters they are made of (noise aside). */
    private static int[] playlistCounts(GatewayClient gateway) throws IOException, InterruptedException {
        int inPlaylists = 0;
        for (JsonNode playlist : JSON.readTree(gateway.download("api/playlists?per-artist=0"))) {
            inPlaylists += playlist.path("size").asInt(playlist.path("songs").size());
        }
        int members = 0;
        for (JsonNode cluster : JSON.readTree(gateway.download("api/clusters"))) {
            if (cluster.path("cluster").asInt() >= 0) {
                members += cluster.path("size").asInt();
            }
        }
        return new int[] {inPlaylists, members};
    }

    /**
     * Kafka and S3 on the work folder; reusing a library, the training and clustering services' groups are moved past
     * the requests and models an earlier harness left (one that stopped mid-run would otherwise run again first).
     */
    private LocalInfra startInfra(Path dir, PrintStream console) throws IOException, InterruptedException {
        LocalInfra infra = LocalInfra.start(dir);
        if (plan.reuse()) {
            try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafka().bootstrapServers()))) {
                for (Map.Entry<String, String> group : Map.of("training-service", Topics.TRAINING_REQUESTS.name(),
                        "clustering-service", Topics.MODELS_TRAINED.name()).entrySet()) {
                    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                    admin.describeTopics(List.of(group.getValue())).allTopicNames().get().get(group.getValue()).partitions()
                            .forEach(p -> latest.put(new TopicPartition(group.getValue(), p.partition()), OffsetSpec.latest()));
                    Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
                    admin.listOffsets(latest).all().get().forEach((partition, end) -> ends.put(partition, new OffsetAndMetadata(end.offset())));
                    moveGroup(admin, group.getKey(), ends);
                    console.printf("reusing %s: %s skips what is on %s%n", dir.getParent(), group.getKey(), group.getValue());
                }
            } catch (java.util.concurrent.ExecutionException e) {
                infra.close();
                throw new IOException("cannot move the services past the earlier runs: " + e.getCause().getMessage(), e.getCause());
            }
        }
        return infra;
    }

    /**
     * Commits {@code ends} for the group; a group whose members the earlier harness left behind (killed, so they never
     * left) refuses until the broker drops them, one session timeout after it started: tried again for two minutes.
     */
    private static void moveGroup(Admin admin, String group, Map<TopicPartition, OffsetAndMetadata> ends)
            throws java.util.concurrent.ExecutionException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            try {
                admin.alterConsumerGroupOffsets(group, ends).all().get();
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof UnknownMemberIdException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(5_000);
            }
        }
    }

    /**
     * The reads people make, each {@code plan.reads()} times on songs drawn by the seed: p50 and p99 in ms.
     * {@code gatewayJvm}: "" for the local gateway, or what tells the measures of another apart (" as deployed").
     */
    private void reads(GatewayClient gateway, String runId, String model, String gatewayJvm, PrintStream console)
            throws IOException, InterruptedException {
        // A restarted gateway makes its duplicates and playlists once its view is whole; a request for them waits for
        // that work. Reads measured meanwhile shared the deployed gateway's one core with it (the path: 237 ms p99 at
        // 100,000 songs, 128 ms p50 after): the reads are measured once it is done.
        gateway.download("api/duplicates");
        List<String> ids = new ArrayList<>();
        for (JsonNode cluster : JSON.readTree(gateway.download("api/clusters"))) {
            cluster.path("members").forEach(id -> ids.add(id.asText()));
        }
        List<String> playlists = new ArrayList<>();
        JSON.readTree(gateway.download("api/playlists?per-artist=0")).forEach(p -> playlists.add(p.path("id").asText()));
        SplittableRandom random = new SplittableRandom(plan.seed());
        List<String> words = List.of("rock", "piano", "dance", "guitar", "female vocals", "electronic", "slow", "beat");
        Map<String, java.util.function.Supplier<String>> reads = new LinkedHashMap<>();
        reads.put("song", () -> "api/songs/" + pick(ids, random));
        reads.put("similar", () -> "api/songs/" + pick(ids, random) + "/similar?k=10");
        reads.put("radio", () -> "api/radio?from=" + pick(ids, random) + "&count=20");
        reads.put("path", () -> "api/path?from=" + pick(ids, random) + "&to=" + pick(ids, random) + "&steps=8");
        reads.put("playlist", () -> "api/playlists/" + pick(playlists, random));
        reads.put("clusters", () -> "api/clusters");
        reads.put("sound search", () -> "api/search/sound?text=" + encode(pick(words, random)) + "&k=10");
        reads.put("lyrics search", () -> "api/search?text=" + encode(pick(words, random)) + "&k=10");
        reads.put("duplicates", () -> "api/duplicates");
        reads.put("map", () -> "api/runs/" + runId + "/models/" + model + "/map.csv");
        console.printf("%nreads%s, %d each (ms):%n", gatewayJvm, plan.reads());
        for (Map.Entry<String, java.util.function.Supplier<String>> read : reads.entrySet()) {
            // The first request of a kind pays once for what later ones find ready (a REST client's connection, code not
            // yet compiled): its own measure, not 1 of the 50 a p99 is taken from.
            GatewayClient.Answer first = gateway.fetch(read.getValue().get());
            measures.add(new Measure("read first" + gatewayJvm, read.getKey(), first.millis(), "ms", "HTTP " + first.status()));
            List<Double> millis = new ArrayList<>(plan.reads());
            int failures = 0;
            long bytes = 0;
            for (int i = 0; i < plan.reads(); i++) {
                GatewayClient.Answer answer = gateway.fetch(read.getValue().get());
                millis.add(answer.millis());
                bytes = Math.max(bytes, answer.bytes());
                failures += answer.status() == 200 ? 0 : 1;
            }
            LoadSummary.Percentiles percentiles = LoadSummary.Percentiles.of(millis);
            double p50 = percentiles.p50();
            double p99 = percentiles.p99();
            String detail = String.format(Locale.ROOT, "p50 %.1f ms, max %d bytes, %d not 200", p50, bytes, failures);
            measures.add(new Measure("read p50" + gatewayJvm, read.getKey(), p50, "ms", detail));
            measures.add(new Measure("read p99" + gatewayJvm, read.getKey(), p99, "ms", detail));
            console.printf(Locale.ROOT, "  %-14s p50 %8.1f   p99 %8.1f   largest answer %,d bytes%s%n", read.getKey(), p50, p99, bytes,
                    failures == 0 ? "" : "   " + failures + " not 200");
        }
    }

    /**
     * The web UI in headless Chromium until the page is idle (its map drawn: the scatter's {@code data-points}), the
     * wall time of the whole load; skipped, saying so, where no Chromium is on the PATH.
     */
    private void webUi(String url, PrintStream console) throws IOException, InterruptedException {
        String chromium = Stream.of("chromium", "chromium-browser", "google-chrome").filter(ScaleHarness::onPath).findFirst().orElse(null);
        if (chromium == null) {
            console.printf("%nweb UI: no Chromium on the PATH, its first paint not measured%n");
            return;
        }
        long started = System.nanoTime();
        // The page goes to a file, so that a page that never gets idle (100,000 songs did not in 8 minutes) is stopped
        // after 5 minutes instead of holding the harness on a read of its output.
        Path page = Files.createTempFile("web-ui-", ".html");
        Process browser = new ProcessBuilder(chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900",
                "--virtual-time-budget=20000", "--dump-dom", url + "/").redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectOutput(page.toFile()).start();
        boolean idle = browser.waitFor(5, java.util.concurrent.TimeUnit.MINUTES);
        if (!idle) {
            browser.descendants().forEach(ProcessHandle::destroyForcibly);
            browser.destroyForcibly().waitFor();
        }
        double millis = (System.nanoTime() - started) / 1e6;
        String dom = Files.readString(page);
        Files.deleteIfExists(page);
        java.util.regex.Matcher points = java.util.regex.Pattern.compile("data-points=\"(\\d+)\"").matcher(dom);
        String drawn = !idle ? "not idle within 5 minutes, stopped" : points.find() ? points.group(1) + " songs on the map" : "no map drawn";
        measures.add(new Measure("web UI", "loaded, map drawn", millis, "ms", drawn + ", " + dom.length() + " characters of DOM"));
        console.printf(Locale.ROOT, "%nweb UI in headless Chromium: %.1f s to an idle page, %s%n", millis / 1e3, drawn);
    }

    /** Reads no one should be able to make expensive: each must end bounded (a limit, a page or a 4xx), quickly. */
    private void hostileReads(GatewayClient gateway, String runId, String model, PrintStream console) throws IOException, InterruptedException {
        JsonNode clusters = JSON.readTree(gateway.download("api/clusters"));
        String someSong = clusters.path(0).path("members").path(0).asText();
        String otherSong = clusters.path(clusters.size() - 1).path("members").path(0).asText();
        String largest = null;
        int size = -1;
        for (JsonNode playlist : JSON.readTree(gateway.download("api/playlists?per-artist=0"))) {
            if (playlist.path("size").asInt() > size) {
                size = playlist.path("size").asInt();
                largest = playlist.path("id").asText();
            }
        }
        Map<String, String> hostile = new LinkedHashMap<>();
        hostile.put("largest playlist", "api/playlists/" + largest + "?per-artist=0");
        hostile.put("radio of 10^6", "api/radio?from=" + someSong + "&count=1000000");
        hostile.put("path of 10^5 steps", "api/path?from=" + someSong + "&to=" + otherSong + "&steps=100000");
        hostile.put("similar k=10^6", "api/songs/" + someSong + "/similar?k=1000000");
        hostile.put("map with every song", "api/runs/" + runId + "/models/" + model + "/map.csv");
        hostile.put("every song listed", "api/songs");
        console.printf("%nhostile reads:%n");
        for (Map.Entry<String, String> read : hostile.entrySet()) {
            GatewayClient.Answer answer = gateway.fetch(read.getValue());
            String detail = String.format(Locale.ROOT, "HTTP %d, %,d bytes", answer.status(), answer.bytes())
                    + (read.getKey().equals("largest playlist") ? ", " + size + " songs in the playlist" : "");
            measures.add(new Measure("hostile read", read.getKey(), answer.millis(), "ms", detail));
            console.printf(Locale.ROOT, "  %-32s %8.1f ms   %s%n", read.getKey(), answer.millis(), detail);
        }
    }

    /** Each service's peak resident memory (VmHWM) so far. */
    private void memory(LocalServices services, PrintStream console) throws IOException {
        console.printf("%npeak memory (resident):%n");
        for (ChildProcess process : services.processes()) {
            Path status = Path.of("/proc", Long.toString(process.pid()), "status");
            if (!Files.isReadable(status)) {
                continue;
            }
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    double mib = Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                    measures.add(new Measure("peak RSS", process.name(), mib, "MiB", ""));
                    console.printf(Locale.ROOT, "  %-20s %8.0f MiB%n", process.name(), mib);
                }
            }
            liveHeap(process, console);
        }
    }

    /** Classes of the live heap listed, the largest first. */
    private static final int HEAP_CLASSES = 8;

    /**
     * The live heap (a full collection first: jcmd's class histogram) and its largest classes: what a service holds
     * per song, which resident memory (the JVM's reserve, natives) does not say. Left out where the JDK has no jcmd.
     */
    private void liveHeap(ChildProcess process, PrintStream console) {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        try {
            Process histogram = new ProcessBuilder(jcmd, Long.toString(process.pid()), "GC.class_histogram")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            List<String> lines = new String(histogram.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            if (histogram.waitFor() != 0) {
                return;
            }
            java.util.regex.Pattern row = java.util.regex.Pattern.compile("\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*");
            java.util.regex.Pattern total = java.util.regex.Pattern.compile("Total\\s+(\\d+)\\s+(\\d+).*");
            int listed = 0;
            for (String line : lines) {
                java.util.regex.Matcher m = row.matcher(line);
                java.util.regex.Matcher t = total.matcher(line);
                if (m.matches() && listed < HEAP_CLASSES) {
                    listed++;
                    measures.add(new Measure("live heap class: " + process.name(), m.group(3), Long.parseLong(m.group(2)) / 1048576.0, "MiB",
                            m.group(1) + " instances"));
                } else if (t.matches()) {
                    double mib = Long.parseLong(t.group(2)) / 1048576.0;
                    measures.add(new Measure("live heap", process.name(), mib, "MiB", t.group(1) + " objects"));
                    console.printf(Locale.ROOT, "  %-20s %8.0f MiB live heap%n", process.name(), mib);
                }
            }
        } catch (IOException e) {
            console.printf("  %s: no class histogram (%s)%n", process.name(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Bytes in the store by the first part of the key, and on each topic (its log files). */
    private void bytes(Path infra, PrintStream console) throws IOException {
        Map<String, Long> store = new TreeMap<>();
        Map<String, Long> topics = new TreeMap<>();
        try (Stream<Path> files = Files.walk(infra)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path relative = infra.relativize(file);
                long size = Files.size(file);
                // s3proxy's filesystem: s3/data/BUCKET/KEY; Kafka's: kafka/data/TOPIC-PARTITION/*.log (indexes are preallocated)
                if (relative.startsWith("s3") && relative.getNameCount() > 4) {
                    store.merge(relative.getName(3).toString(), size, Long::sum);
                } else if (relative.startsWith("kafka") && relative.getNameCount() > 2 && file.toString().endsWith(".log")) {
                    String partition = relative.getName(relative.getNameCount() - 2).toString();
                    if (partition.matches("[a-z.-]+-\\d+")) {
                        topics.merge(partition.substring(0, partition.lastIndexOf('-')), size, Long::sum);
                    }
                }
            }
        }
        console.printf("%nbytes:%n");
        store.forEach((prefix, size) -> record("store bytes", prefix + "/", size, console));
        topics.forEach((topic, size) -> record("topic bytes", topic, size, console));
    }

    private void record(String kind, String name, long size, PrintStream console) {
        measures.add(new Measure(kind, name, size, "bytes", ""));
        console.printf(Locale.ROOT, "  %-12s %-28s %,16d%n", kind, name, size);
    }

    private void stage(String name, long started, String detail, PrintStream console) {
        double seconds = seconds(started);
        measures.add(new Measure("stage", name, seconds, "s", detail));
        console.printf(Locale.ROOT, "stage %-28s %9.1f s   %s%n", name, seconds, detail);
    }

    private void writeCsv(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator('\n')
                .setHeader("songs", "kind", "name", "value", "unit", "detail").build();
        try (CSVPrinter csv = new CSVPrinter(Files.newBufferedWriter(file), format)) {
            for (Measure m : measures) {
                csv.printRecord(plan.songs(), m.kind(), m.name(), String.format(Locale.ROOT, "%.3f", m.value()), m.unit(), m.detail());
            }
        }
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    private static <T> T pick(List<T> from, SplittableRandom random) {
        return from.get(random.nextInt(from.size()));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
