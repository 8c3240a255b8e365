package dev.musicluster.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.musicluster.cli.report.RunResults;
import dev.musicluster.contracts.events.TrainingRequested;
import dev.musicluster.library.ManifestEntry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The training and clustering part of the main job, through the gateway: which models apply to the songs, the run
 * started and followed (a progress bar per model), its results fetched into the output folder and the metrics shown.
 */
final class PipelineRun {

    private PipelineRun() {
    }

    /**
     * Every model that applies to these songs: the hybrid model only when some songs have lyrics (it is then the
     * primary model, the one new songs are encoded and clustered with), the conditional one only when the
     * condition's column has at least two values; never the opt-in models ({@link TrainingRequested#OPT_IN}).
     */
    static List<String> applicableModels(List<ManifestEntry> entries, String condition) {
        boolean lyrics = entries.stream().map(ManifestEntry::description).anyMatch(d -> d.lyrics() != null && !d.lyrics().isBlank());
        long categories = entries.stream().map(e -> e.labels().get(condition)).filter(v -> v != null && !v.isBlank()).distinct().count();
        List<String> models = new ArrayList<>();
        for (String model : TrainingRequested.MODELS) {
            if ((model.equals("hybrid-vae") && !lyrics) || (model.equals("cvae") && categories < 2)
                    || TrainingRequested.OPT_IN.contains(model)) {
                continue;
            }
            models.add(model);
        }
        return models;
    }

    /**
     * Polls the run until it is done or failed, drawing each model's epochs and saying when a model failed (the run
     * goes on with the others); fails once nothing has moved (no state, no epoch) for {@code stall}: a library of any
     * size trains as long as its epochs keep coming.
     */
    static JsonNode await(GatewayClient gateway, String runId, List<String> models, Duration stall, PrintStream console)
            throws IOException, InterruptedException {
        long lastMove = System.nanoTime();
        String lastSeen = null;
        Map<String, Progress> bars = new HashMap<>();
        Map<String, Integer> shown = new HashMap<>();
        Map<String, Integer> encodedTenths = new HashMap<>();
        Set<String> reported = new HashSet<>();
        while (true) {
            JsonNode run = gateway.run(runId).orElse(null);
            if (run == null) {
                if (System.nanoTime() - lastMove > stall.toNanos()) {
                    throw new IOException("run " + runId + " never appeared at the gateway within " + stall);
                }
                Thread.sleep(250);
                continue;
            }
            String state = run.path("state").asText();
            String seen = state + run.path("byModel");
            if (!seen.equals(lastSeen)) {
                lastSeen = seen;
                lastMove = System.nanoTime();
            }
            for (String model : models) {
                JsonNode view = run.path("byModel").path(model);
                int epochs = view.path("epochs").asInt(0);
                int epoch = view.path("epoch").asInt(0);
                if (view.hasNonNull("failure")) {
                    if (reported.add(model)) {
                        console.printf("%s FAILED in epoch %d/%d: %s%n", model, epoch, epochs, view.path("failure").asText());
                    }
                    continue;
                }
                if (epochs > 0 && shown.getOrDefault(model, -1) != epoch) {
                    bars.computeIfAbsent(model, m -> new Progress(console, m, epochs)).update(epoch);
                    shown.put(model, epoch);
                    if (epoch == epochs) {
                        bars.get(model).done();
                    }
                }
                int toEncode = view.path("toEncode").asInt(0);
                int tenths = toEncode == 0 ? -1 : (int) (10L * view.path("encoded").asInt(0) / toEncode);
                if (tenths > encodedTenths.getOrDefault(model, -1)) {
                    encodedTenths.put(model, tenths);
                    console.printf("%s: trained on a sample, every song encoded: %,d of %,d%n", model, view.path("encoded").asInt(0), toEncode);
                }
            }
            if (state.equals("DONE")) {
                return run;
            }
            if (state.equals("FAILED")) {
                throw new IOException("run " + runId + " failed: " + run.path("failure").asText());
            }
            if (System.nanoTime() - lastMove > stall.toNanos()) {
                throw new IOException("run " + runId + ": nothing moved in the last " + stall + " (state " + state + ")");
            }
            Thread.sleep(500);
        }
    }

    /**
     * The run's description ({@code run.json}) and tables, every model's latents with ids, two-dimensional maps and
     * training history, and the spectrogram models' reconstructions.
     */
    static void download(GatewayClient gateway, JsonNode run, Path out) throws IOException, InterruptedException {
        String base = "api/runs/" + run.path("runId").asText();
        for (String folder : List.of("latents", "maps", "history")) {
            Files.createDirectories(out.resolve(folder));
        }
        Files.write(out.resolve("run.json"), gateway.download(base));
        Files.write(out.resolve("clustering_metrics.csv"), gateway.download(base + "/metrics"));
        Files.write(out.resolve("assignments.csv"), gateway.download(base + "/assignments"));
        // The active clustering is this run's primary one by now: its clusters with the tags that describe them.
        Files.write(out.resolve(RunResults.CLUSTERS), gateway.download("api/clusters"));
        Map<String, String> failed = RunResults.failedModels(run);
        for (Iterator<String> models = run.path("byModel").fieldNames(); models.hasNext(); ) {
            String model = models.next();
            if (failed.containsKey(model)) {
                continue;
            }
            Files.write(out.resolve("latents").resolve(model + ".npy"), gateway.download(base + "/models/" + model + "/latents.npy"));
            Files.write(out.resolve("latents").resolve(model + ".ids.txt"), gateway.download(base + "/models/" + model + "/ids.txt"));
            Files.write(out.resolve("maps").resolve(model + ".csv"), gateway.download(base + "/models/" + model + "/map.csv"));
            Files.write(out.resolve("history").resolve(model + ".csv"), gateway.download(base + "/models/" + model + "/history.csv"));
            try {
                byte[] reconstructions = gateway.download(base + "/models/" + model + "/reconstructions.npy");
                Files.createDirectories(out.resolve("reconstructions"));
                Files.write(out.resolve("reconstructions").resolve(model + ".npy"), reconstructions);
                Files.write(out.resolve("reconstructions").resolve(model + ".ids.txt"),
                        gateway.download(base + "/models/" + model + "/reconstructions.ids.txt"));
            } catch (IOException e) {
                // only spectrogram models reconstruct spectrograms
            }
        }
    }

    /** The primary clustering's clusters: size, the tags that set each apart, its most common value of each label. */
    static void printClusters(RunResults results, PrintStream console) throws IOException {
        JsonNode clusters = results.clusters();
        if (clusters.isEmpty()) {
            return;
        }
        JsonNode first = clusters.get(0);
        console.printf("%nclusters of %s (%s):%n", first.path("representation").asText(), first.path("algorithm").asText());
        for (JsonNode cluster : clusters) {
            int number = cluster.path("cluster").asInt();
            StringBuilder line = new StringBuilder(String.format("  %-10s %4d songs", number < 0 ? "noise" : "cluster " + number,
                    cluster.path("size").asInt()));
            List<String> tags = new ArrayList<>();
            cluster.path("tags").forEach(t -> tags.add(t.asText()));
            if (!tags.isEmpty()) {
                line.append("  ").append(String.join(", ", tags));
            }
            cluster.path("labels").fields().forEachRemaining(label -> {
                List<Map.Entry<String, JsonNode>> values = new ArrayList<>();
                label.getValue().fields().forEachRemaining(values::add);
                values.sort(Comparator.comparingInt((Map.Entry<String, JsonNode> v) -> -v.getValue().asInt()));
                line.append("  [").append(label.getKey()).append(": ").append(values.get(0).getKey()).append(' ')
                        .append(values.get(0).getValue().asInt()).append(']');
            });
            console.println(line);
        }
    }

    /** Per label column, every representation and algorithm by NMI, best first. */
    static void printMetrics(RunResults results, PrintStream console) throws IOException {
        List<Map<String, String>> scored = new ArrayList<>(results.metrics().stream().filter(r -> !r.get("label").isEmpty()).toList());
        scored.sort(Comparator.comparing((Map<String, String> r) -> r.get("label")).thenComparing(r -> -RunResults.number(r.get("nmi"))));
        console.printf("%n%-10s %-16s %-22s %4s %7s %7s %7s %10s%n", "label", "representation", "algorithm", "k", "NMI", "ARI",
                "purity", "silhouette");
        for (Map<String, String> r : scored) {
            console.printf("%-10s %-16s %-22s %4s %7.3f %7.3f %7.3f %10.3f%n", r.get("label"), r.get("representation"),
                    r.get("algorithm"), r.get("k"), RunResults.number(r.get("nmi")), RunResults.number(r.get("ari")),
                    RunResults.number(r.get("purity")), RunResults.number(r.get("silhouette")));
        }
    }
}
