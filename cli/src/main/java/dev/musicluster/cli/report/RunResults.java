package dev.musicluster.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.musicluster.contracts.tensor.NpyArray;
import dev.musicluster.contracts.tensor.NpyFormat;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A run's results folder as the main job writes it: {@code run.json}, {@code songs.csv}, {@code clustering_metrics.csv},
 * {@code assignments.csv}, and per model {@code maps/}, {@code history/}, {@code reconstructions/}. Everything the
 * report draws comes from here, so a report can be made again from the folder alone.
 */
public final class RunResults {

    private static final CSVFormat WITH_HEADER = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();

    /** A song as {@code songs.csv} lists it; labels are every column after the status. */
    public record Song(String id, String title, String artist, Map<String, String> labels) {
    }

    /** One epoch of {@code history/{model}.csv}. */
    public record Epoch(int epoch, double loss, double reconstruction, double kl) {
    }

    /** One song's place in a model's two-dimensional maps; {@code umap} null where UMAP left it out. */
    public record MapPoint(String id, double[] tsne, double[] umap) {
    }

    private final Path folder;

    public RunResults(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    /** The run as the gateway described it (state, models, hyper-parameters, provenance), or an empty object. */
    public JsonNode run() throws IOException {
        Path file = folder.resolve("run.json");
        return Files.exists(file) ? new ObjectMapper().readTree(file.toFile()) : new ObjectMapper().createObjectNode();
    }

    public Map<String, Song> songs() throws IOException {
        Map<String, Song> songs = new LinkedHashMap<>();
        List<String> columns = labelColumns();
        for (CSVRecord r : records("songs.csv")) {
            Map<String, String> labels = new LinkedHashMap<>();
            for (String column : columns) {
                String value = r.isMapped(column) ? r.get(column) : "";
                if (!value.isBlank()) {
                    labels.put(column, value);
                }
            }
            songs.put(r.get("id"), new Song(r.get("id"), r.get("title"), r.get("artist"), labels));
        }
        return songs;
    }

    /** The label columns of {@code songs.csv}: every column after id, title, artist and status. */
    public List<String> labelColumns() throws IOException {
        Path file = folder.resolve("songs.csv");
        if (!Files.exists(file)) {
            return List.of();
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> header = WITH_HEADER.parse(reader).getHeaderNames();
            return header.subList(Math.min(4, header.size()), header.size());
        }
    }

    /** The rows of {@code clustering_metrics.csv}, each as column → value. */
    public List<Map<String, String>> metrics() throws IOException {
        return records("clustering_metrics.csv").stream().map(CSVRecord::toMap).toList();
    }

    /** The metrics over several seeds ({@code quality.csv}, written by {@code run --seeds N}); empty for one seed. */
    public List<SeedStatistics.Row> seedStatistics() throws IOException {
        return SeedStatistics.fromRecords(records("quality.csv").stream().map(CSVRecord::toMap).toList());
    }

    /** The file holding the primary clustering's clusters as {@code GET /api/clusters} gave them. */
    public static final String CLUSTERS = "clusters.json";

    /** The primary clustering's clusters (size, tags, label make-up, members); empty when not downloaded. */
    public JsonNode clusters() throws IOException {
        Path file = folder.resolve(CLUSTERS);
        return Files.exists(file) ? new ObjectMapper().readTree(file.toFile()) : new ObjectMapper().createArrayNode();
    }

    /** Each column of {@code assignments.csv} ({@code representation/algorithm}) as song id → cluster. */
    public Map<String, Map<String, Integer>> assignments() throws IOException {
        Map<String, Map<String, Integer>> columns = new LinkedHashMap<>();
        Path file = folder.resolve("assignments.csv");
        if (!Files.exists(file)) {
            return columns;
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            var parser = WITH_HEADER.parse(reader);
            List<String> header = parser.getHeaderNames();
            // Cluster columns are named representation/algorithm; others (top_tags) are text about the song.
            List<String> clusterColumns = header.stream().skip(1).filter(column -> column.contains("/")).toList();
            clusterColumns.forEach(column -> columns.put(column, new LinkedHashMap<>()));
            for (CSVRecord r : parser) {
                for (String column : clusterColumns) {
                    if (!r.get(column).isEmpty()) {
                        columns.get(column).put(r.get(0), Integer.parseInt(r.get(column)));
                    }
                }
            }
        }
        return columns;
    }

    /**
     * The trained models, in the order of the run (from {@code run.json}, less those that failed), else as found
     * under {@code latents/}.
     */
    public List<String> models() throws IOException {
        List<String> models = new ArrayList<>();
        Map<String, String> failed = failedModels();
        run().path("models").forEach(m -> {
            if (!failed.containsKey(m.asText())) {
                models.add(m.asText());
            }
        });
        if (models.isEmpty() && Files.isDirectory(folder.resolve("latents"))) {
            try (Stream<Path> files = Files.list(folder.resolve("latents"))) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".npy")).sorted()
                        .forEach(n -> models.add(n.substring(0, n.length() - 4)));
            }
        }
        return models;
    }

    /** The models whose training failed, with the reason, in the order of the run. */
    public Map<String, String> failedModels() throws IOException {
        return failedModels(run());
    }

    /** The models of a run (as the gateway describes it) whose training failed, with the reason. */
    public static Map<String, String> failedModels(JsonNode run) {
        Map<String, String> failed = new LinkedHashMap<>();
        run.path("byModel").fields().forEachRemaining(model -> {
            if (model.getValue().hasNonNull("failure")) {
                failed.put(model.getKey(), model.getValue().path("failure").asText());
            }
        });
        return failed;
    }

    public Optional<List<MapPoint>> map(String model) throws IOException {
        if (!Files.exists(folder.resolve("maps").resolve(model + ".csv"))) {
            return Optional.empty();
        }
        List<MapPoint> points = new ArrayList<>();
        for (CSVRecord r : records("maps/" + model + ".csv")) {
            double[] umap = r.get("umap_x").isEmpty() ? null
                    : new double[] {Double.parseDouble(r.get("umap_x")), Double.parseDouble(r.get("umap_y"))};
            points.add(new MapPoint(r.get("id"), new double[] {Double.parseDouble(r.get("tsne_x")), Double.parseDouble(r.get("tsne_y"))},
                    umap));
        }
        return Optional.of(points);
    }

    public Optional<List<Epoch>> history(String model) throws IOException {
        if (!Files.exists(folder.resolve("history").resolve(model + ".csv"))) {
            return Optional.empty();
        }
        return Optional.of(records("history/" + model + ".csv").stream().map(r -> new Epoch(Integer.parseInt(r.get("epoch")),
                Double.parseDouble(r.get("loss")), Double.parseDouble(r.get("reconstruction")), Double.parseDouble(r.get("kl")))).toList());
    }

    /** (songs, 2, mels, frames) dB, original then reconstruction, with the songs' ids. */
    public Optional<Map.Entry<List<String>, NpyArray>> reconstructions(String model) throws IOException {
        Path npy = folder.resolve("reconstructions").resolve(model + ".npy");
        Path ids = folder.resolve("reconstructions").resolve(model + ".ids.txt");
        if (!Files.exists(npy) || !Files.exists(ids)) {
            return Optional.empty();
        }
        List<String> songIds = Files.readAllLines(ids, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        return Optional.of(Map.entry(songIds, NpyFormat.fromBytes(Files.readAllBytes(npy))));
    }

    /** A metric cell as a number: NaN when empty or not a number (a metric that does not apply). */
    public static double number(String value) {
        try {
            return value == null ? Double.NaN : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private List<CSVRecord> records(String relative) throws IOException {
        Path file = folder.resolve(relative);
        if (!Files.exists(file)) {
            return List.of();
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return WITH_HEADER.parse(reader).getRecords();
        }
    }
}
