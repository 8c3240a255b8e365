package dev.musicluster.cli.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every plot of a run, written under {@code plots/} of its results folder: each model's latent space in two dimensions
 * (t-SNE and UMAP) coloured by its clusters and by each label, its training curve, its reconstructed spectrograms, and
 * the metrics of every representation side by side.
 */
public final class ReportPlots {

    static final String MAPS = "Latent spaces";
    static final String METRICS = "Metrics";
    static final String TRAINING = "Training curves";
    static final String RECONSTRUCTIONS = "Reconstructions";

    private ReportPlots() {
    }

    public static List<Figure> write(RunResults results) throws IOException {
        Path plots = results.folder().resolve("plots");
        Files.createDirectories(plots);
        Map<String, RunResults.Song> songs = results.songs();
        List<String> labels = results.labelColumns();
        Map<String, Map<String, Integer>> assignments = results.assignments();
        List<Figure> figures = new ArrayList<>();
        figures.addAll(metricBars(plots, results.metrics(), labels));
        for (String model : results.models()) {
            Optional<List<RunResults.MapPoint>> map = results.map(model);
            if (map.isPresent()) {
                figures.addAll(maps(plots, model, map.get(), songs, labels, assignments));
            }
            Optional<List<RunResults.Epoch>> history = results.history(model);
            if (history.isPresent() && !history.get().isEmpty()) {
                Path png = plots.resolve("training-" + safe(model) + ".png");
                TrainingCurves.write(png, model, history.get());
                figures.add(new Figure(TRAINING, png, model + ": loss, reconstruction error and KL divergence per epoch"));
            }
            var reconstructions = results.reconstructions(model);
            if (reconstructions.isPresent()) {
                Path png = plots.resolve("reconstructions-" + safe(model) + ".png");
                SpectrogramPairs.write(png, model, reconstructions.get().getKey(), reconstructions.get().getValue(),
                        id -> songs.containsKey(id) ? songs.get(id).title() + " (" + songs.get(id).artist() + ")" : id);
                figures.add(new Figure(RECONSTRUCTIONS, png, model + ": pooled log-mel spectrograms of "
                        + reconstructions.get().getKey().size() + " songs and their reconstructions from the latent mean"));
            }
        }
        return figures;
    }

    /** NMI per label column (every representation and algorithm), and the label-free silhouette. */
    private static List<Figure> metricBars(Path plots, List<Map<String, String>> rows, List<String> labels) throws IOException {
        List<Figure> figures = new ArrayList<>();
        Set<String> scored = new LinkedHashSet<>();
        rows.forEach(row -> scored.add(row.getOrDefault("label", "")));
        for (String label : scored) {
            if (label.isEmpty()) {
                continue;
            }
            Path png = plots.resolve("nmi-" + safe(label) + ".png");
            if (MetricBars.write(png, "nmi", label, rows)) {
                figures.add(new Figure(METRICS, png, "NMI against " + label + ": each model's latents and the baselines, a bar per algorithm"));
            }
        }
        String any = scored.contains("") ? "" : scored.stream().findFirst().orElse("");
        Path png = plots.resolve("silhouette.png");
        if (MetricBars.write(png, "silhouette", any, rows)) {
            figures.add(new Figure(METRICS, png, "Silhouette (needs no labels): each representation and algorithm"));
        }
        return figures;
    }

    private static List<Figure> maps(Path plots, String model, List<RunResults.MapPoint> points, Map<String, RunResults.Song> songs,
                                     List<String> labels, Map<String, Map<String, Integer>> assignments) throws IOException {
        List<Figure> figures = new ArrayList<>();
        // The model's first algorithm column is the run's primary algorithm.
        Optional<String> clustering = assignments.keySet().stream().filter(c -> c.startsWith(model + "/")).findFirst();
        for (String method : List.of("tsne", "umap")) {
            String methodName = method.equals("tsne") ? "t-SNE" : "UMAP";
            if (clustering.isPresent()) {
                Map<String, Integer> clusters = assignments.get(clustering.get());
                Path png = plots.resolve("map-" + safe(model) + "-" + method + "-cluster.png");
                int drawn = CategoryScatter.write(png, model + ", " + methodName + ", by cluster (" + clustering.get().substring(model.length() + 1) + ")",
                        methodName, points(points, method, id -> {
                            Integer c = clusters.get(id);
                            return c == null ? null : c < 0 ? "noise" : "cluster " + c;
                        }));
                figures.add(new Figure(MAPS, png, model + " latents, " + methodName + ", coloured by cluster: " + drawn + " songs"));
            }
            for (String label : labels) {
                Path png = plots.resolve("map-" + safe(model) + "-" + method + "-" + safe(label) + ".png");
                int drawn = CategoryScatter.write(png, model + ", " + methodName + ", by " + label, methodName,
                        points(points, method, id -> songs.containsKey(id) ? songs.get(id).labels().get(label) : null));
                figures.add(new Figure(MAPS, png, model + " latents, " + methodName + ", coloured by " + label + " (labels only score, "
                        + "never train): " + drawn + " songs"));
            }
        }
        return figures;
    }

    /** A label column or model name as part of a file name: anything but letters, digits, dot and dash becomes _. */
    static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9.-]", "_");
    }

    private static List<CategoryScatter.Point> points(List<RunResults.MapPoint> points, String method,
                                                      java.util.function.Function<String, String> category) {
        List<CategoryScatter.Point> drawn = new ArrayList<>();
        for (RunResults.MapPoint p : points) {
            double[] xy = method.equals("tsne") ? p.tsne() : p.umap();
            if (xy != null) {
                drawn.add(new CategoryScatter.Point(xy[0], xy[1], category.apply(p.id())));
            }
        }
        return drawn;
    }
}
