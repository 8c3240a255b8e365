package dev.musicluster.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report.html}: one self-contained page (the plots inlined) with the run's provenance, the metrics table,
 * and every plot, so it can be mailed or archived without the folder.
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    /** Writes {@code report.html} into the results folder and returns its path. */
    public static Path write(RunResults results, List<Figure> figures, Map<String, String> context) throws IOException {
        JsonNode run = results.run();
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>musicluster report ")
                .append(escape(run.path("runId").asText(""))).append("</title>\n<style>")
                .append("body{font-family:system-ui,sans-serif;margin:2rem;color:#222;max-width:1400px}")
                .append("table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #ddd;padding:.25rem .5rem;")
                .append("text-align:left;font-size:.85rem}th{background:#f4f4f4}td.n{text-align:right;font-variant-numeric:tabular-nums}")
                .append("tr.best{background:#e8f4e8}figure{display:inline-block;margin:.5rem;vertical-align:top}")
                .append("figure img{max-width:100%;border:1px solid #eee}figcaption{font-size:.8rem;max-width:640px}")
                .append("h2{border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2rem}</style></head><body>\n");
        html.append("<h1>musicluster run ").append(escape(run.path("runId").asText("(no run)"))).append("</h1>\n");
        html.append(provenance(run, results, context));
        html.append(seedTable(results.seedStatistics()));
        html.append(metricsTable(results.metrics()));
        html.append(clusterTable(results.clusters()));
        html.append(playlistTable(results.folder().resolve("playlists")));
        for (String section : List.of(ReportPlots.METRICS, ReportPlots.MAPS, ReportPlots.TRAINING, ReportPlots.RECONSTRUCTIONS)) {
            List<Figure> inSection = figures.stream().filter(f -> f.section().equals(section)).toList();
            if (inSection.isEmpty()) {
                continue;
            }
            html.append("<h2>").append(section).append("</h2>\n");
            for (Figure figure : inSection) {
                html.append("<figure><img alt=\"").append(escape(figure.caption())).append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(Files.readAllBytes(figure.file()))).append("\"><figcaption>")
                        .append(escape(figure.caption())).append(" (<code>plots/").append(escape(figure.file().getFileName().toString()))
                        .append("</code>)</figcaption></figure>\n");
            }
        }
        html.append("</body></html>\n");
        Path file = results.folder().resolve("report.html");
        Files.writeString(file, html, StandardCharsets.UTF_8);
        return file;
    }

    /** The primary clustering's clusters, each with the tags that set it apart and its label make-up. */
    private static String clusterTable(JsonNode clusters) {
        if (clusters.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<h2>Clusters of ").append(escape(clusters.get(0).path("representation").asText()))
                .append(" (").append(escape(clusters.get(0).path("algorithm").asText())).append(")</h2>\n")
                .append("<p>Each cluster is described by the musicnn tags whose mean probability in it lies furthest above the "
                        + "collection's (in standard deviations): what sets it apart, not what every song has. Labels are shown "
                        + "for looking; they never fed the clustering.</p>\n<table><tr><th>cluster</th><th>songs</th><th>sounds</th>"
                        + "<th>labels</th><th>nearest its centre</th></tr>");
        for (JsonNode cluster : clusters) {
            int number = cluster.path("cluster").asInt();
            List<String> tags = new ArrayList<>();
            cluster.path("tags").forEach(t -> tags.add(t.asText()));
            List<String> labels = new ArrayList<>();
            cluster.path("labels").fields().forEachRemaining(label -> {
                List<String> values = new ArrayList<>();
                label.getValue().fields().forEachRemaining(v -> values.add(v.getKey() + " " + v.getValue().asInt()));
                labels.add(label.getKey() + ": " + String.join(", ", values));
            });
            List<String> representatives = new ArrayList<>();
            cluster.path("representatives").forEach(r -> representatives.add(r.asText()));
            html.append("<tr><td>").append(number < 0 ? "noise" : Integer.toString(number)).append("</td><td class=\"n\">")
                    .append(cluster.path("size").asInt()).append("</td><td>").append(escape(String.join(", ", tags)))
                    .append("</td><td>").append(escape(String.join("; ", labels))).append("</td><td>")
                    .append(escape(String.join(", ", representatives))).append("</td></tr>");
        }
        return html.append("</table>\n").toString();
    }

    /** The playlists written beside the report, linked by their files' relative paths, with their first songs. */
    private static String playlistTable(Path folder) throws IOException {
        Path index = folder.resolve("playlists.json");
        if (!Files.isRegularFile(index)) {
            return "";
        }
        JsonNode playlists = new com.fasterxml.jackson.databind.ObjectMapper().readTree(index.toFile());
        StringBuilder html = new StringBuilder("<h2>Playlists</h2>\n<p>One per cluster, named by the tags that set it apart, "
                + "ordered so that each song is the nearest to the one before; the files point at the songs' own files.</p>\n"
                + "<table><tr><th>playlist</th><th>songs</th><th>minutes</th><th>files</th><th>first songs</th></tr>");
        try (var files = Files.list(folder)) {
            List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
            for (JsonNode playlist : playlists) {
                String id = playlist.path("id").asText();
                List<String> links = new ArrayList<>();
                names.stream().filter(n -> n.startsWith(id + "-") || n.startsWith(id + ".")).filter(n -> !n.endsWith(".json"))
                        .forEach(n -> links.add("<a href=\"playlists/" + escape(n) + "\">" + escape(n.substring(n.lastIndexOf('.') + 1)) + "</a>"));
                List<String> first = new ArrayList<>();
                for (JsonNode song : playlist.path("songs")) {
                    if (first.size() == 3) {
                        break;
                    }
                    first.add(song.path("artist").asText("") + " - " + song.path("title").asText(song.path("id").asText()));
                }
                html.append("<tr><td>").append(escape(playlist.path("name").asText())).append("</td><td class=\"n\">")
                        .append(playlist.path("size").asInt()).append("</td><td class=\"n\">")
                        .append(String.format("%.1f", playlist.path("seconds").asDouble() / 60)).append("</td><td>")
                        .append(String.join(" ", links)).append("</td><td>").append(escape(String.join("; ", first))).append("</td></tr>");
            }
        }
        return html.append("</table>\n").toString();
    }

    /** The run's request, what the job knew of its input, and each model's provenance (data hash, config, versions). */
    private static String provenance(JsonNode run, RunResults results, Map<String, String> context) throws IOException {
        Map<String, String> facts = new LinkedHashMap<>(context);
        facts.put("run", run.path("runId").asText(""));
        facts.put("state", run.path("state").asText(""));
        facts.put("models", join(run.path("models")));
        facts.put("hyper-parameters", run.path("hyperParameters").toString());
        facts.put("algorithms", run.path("algorithms").isEmpty() ? "the clustering service's defaults" : join(run.path("algorithms")));
        facts.put("k", run.path("k").isNull() || run.path("k").isMissingNode() ? "the clustering service's default" : run.path("k").asText());
        Map<String, String> failed = results.failedModels();
        if (!failed.isEmpty()) {
            facts.put("failed models (not clustered)", String.join("; ", failed.entrySet().stream()
                    .map(f -> f.getKey() + ": " + f.getValue()).toList()));
        }
        facts.put("songs", Integer.toString(results.songs().size()));
        facts.put("label columns (scoring only)", String.join(", ", results.labelColumns()));
        facts.put("report written", Instant.now().toString());
        StringBuilder html = new StringBuilder("<h2>Provenance</h2>\n<table>");
        facts.forEach((name, value) -> html.append("<tr><th>").append(escape(name)).append("</th><td>").append(escape(value)).append("</td></tr>"));
        html.append("</table>\n");
        JsonNode byModel = run.path("byModel");
        List<String> models = new ArrayList<>();
        byModel.fieldNames().forEachRemaining(models::add);
        models.removeAll(failed.keySet());
        if (!models.isEmpty()) {
            List<String> keys = new ArrayList<>();
            for (String model : models) {
                for (Iterator<String> it = byModel.path(model).path("provenance").fieldNames(); it.hasNext(); ) {
                    String key = it.next();
                    if (!keys.contains(key)) {
                        keys.add(key);
                    }
                }
            }
            html.append("<table><tr><th>model</th>");
            models.forEach(m -> html.append("<th>").append(escape(m)).append(byModel.path(m).path("primary").asBoolean() ? " (primary)" : "")
                    .append("</th>"));
            html.append("</tr>");
            for (String key : keys) {
                html.append("<tr><th>").append(escape(key)).append("</th>");
                models.forEach(m -> html.append("<td>").append(escape(byModel.path(m).path("provenance").path(key).asText(""))).append("</td>"));
                html.append("</tr>");
            }
            html.append("</table>\n");
        }
        return html.toString();
    }

    /** Per label and representation the algorithm with the best mean NMI over the seeds, mean ± standard deviation. */
    private static String seedTable(List<SeedStatistics.Row> rows) {
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<h2>Over ").append(rows.get(0).ks().size())
                .append(" seeds (mean ± standard deviation; <code>quality.csv</code> has every algorithm)</h2>\n<table><tr><th>label</th>"
                        + "<th>representation</th><th>algorithm</th><th>k per seed</th><th>NMI</th><th>ARI</th><th>purity</th></tr>\n");
        String previous = null;
        for (SeedStatistics.Row r : SeedStatistics.bestPerRepresentation(rows)) {
            html.append(r.label().equals(previous) ? "<tr>" : "<tr class=\"best\">");
            previous = r.label();
            html.append("<td>").append(escape(r.label())).append("</td><td>").append(escape(r.representation())).append("</td><td>")
                    .append(escape(r.algorithm())).append("</td><td>").append(escape(String.join(" ", r.ks()))).append("</td>");
            for (String measure : List.of("nmi", "ari", "purity")) {
                html.append("<td class=\"n\">").append(String.format(Locale.ROOT, "%.3f ± %.3f", r.mean(measure), r.std(measure)))
                        .append("</td>");
            }
            html.append("</tr>\n");
        }
        return html.append("</table>\n").toString();
    }

    /** Every scored row, per label the best NMI first and highlighted; label-free rows by silhouette. */
    private static String metricsTable(List<Map<String, String>> rows) {
        if (rows.isEmpty()) {
            return "<p>No clustering metrics.</p>\n";
        }
        List<Map<String, String>> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing((Map<String, String> r) -> r.getOrDefault("label", ""))
                .thenComparing(r -> -sortKey(r)));
        StringBuilder html = new StringBuilder("<h2>Clustering metrics</h2>\n<table><tr><th>label</th><th>representation</th>"
                + "<th>algorithm</th><th>k</th><th>NMI</th><th>ARI</th><th>purity</th><th>silhouette</th></tr>\n");
        String previous = null;
        for (Map<String, String> r : sorted) {
            String label = r.getOrDefault("label", "");
            html.append(label.equals(previous) ? "<tr>" : "<tr class=\"best\">");
            previous = label;
            html.append("<td>").append(escape(label.isEmpty() ? "(none)" : label)).append("</td><td>").append(escape(r.get("representation")))
                    .append("</td><td>").append(escape(r.get("algorithm"))).append("</td><td class=\"n\">").append(escape(r.get("k")))
                    .append("</td>");
            for (String metric : List.of("nmi", "ari", "purity", "silhouette")) {
                double value = RunResults.number(r.get(metric));
                html.append("<td class=\"n\">").append(Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : "").append("</td>");
            }
            html.append("</tr>\n");
        }
        return html.append("</table>\n").toString();
    }

    private static double sortKey(Map<String, String> row) {
        double value = RunResults.number(row.get(row.getOrDefault("label", "").isEmpty() ? "silhouette" : "nmi"));
        return Double.isFinite(value) ? value : Double.NEGATIVE_INFINITY;
    }

    private static String join(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return String.join(", ", values);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
