package dev.musicluster.cli.report;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The same run repeated with several seeds, summarised: per representation, algorithm and label, the mean and
 * standard deviation of NMI, ARI and purity over the seeds, and the k each seed chose. One seed's number is an
 * anecdote; the spread says which differences are real.
 */
public final class SeedStatistics {

    private static final List<String> MEASURES = List.of("nmi", "ari", "purity");

    /** One representation × algorithm × label over the seeds. */
    public record Row(String representation, String model, String algorithm, String label, List<String> ks,
                      Map<String, double[]> values) {

        public double mean(String measure) {
            double[] v = values.get(measure);
            double sum = 0;
            for (double x : v) {
                sum += x;
            }
            return sum / v.length;
        }

        /** Sample standard deviation (n - 1); 0 for a single seed. */
        public double std(String measure) {
            double[] v = values.get(measure);
            if (v.length < 2) {
                return 0;
            }
            double mean = mean(measure);
            double sum = 0;
            for (double x : v) {
                sum += (x - mean) * (x - mean);
            }
            return Math.sqrt(sum / (v.length - 1));
        }
    }

    private SeedStatistics() {
    }

    /** Rows present in every seed's results, with a label; in the first seed's order. */
    public static List<Row> of(List<RunResults> seeds) throws IOException {
        Map<String, List<Map<String, String>>> byKey = new LinkedHashMap<>();
        for (RunResults seed : seeds) {
            for (Map<String, String> r : seed.metrics()) {
                if (!r.get("label").isEmpty()) {
                    byKey.computeIfAbsent(key(r), k -> new ArrayList<>()).add(r);
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (List<Map<String, String>> group : byKey.values()) {
            if (group.size() != seeds.size()) {
                continue;
            }
            Map<String, double[]> values = new LinkedHashMap<>();
            for (String measure : MEASURES) {
                values.put(measure, group.stream().mapToDouble(r -> RunResults.number(r.get(measure))).toArray());
            }
            Map<String, String> first = group.get(0);
            rows.add(new Row(first.get("representation"), first.get("model"), first.get("algorithm"), first.get("label"),
                    group.stream().map(r -> r.get("k")).toList(), values));
        }
        return rows;
    }

    private static String key(Map<String, String> r) {
        return String.join("\u0000", r.get("representation"), r.get("model"), r.get("algorithm"), r.get("label"));
    }

    public static void write(List<Row> rows, Path file) throws IOException {
        List<String> header = new ArrayList<>(List.of("representation", "model", "algorithm", "label", "seeds", "k"));
        for (String measure : MEASURES) {
            header.addAll(List.of(measure + "_mean", measure + "_std", measure + "_per_seed"));
        }
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).build().print(writer)) {
            for (Row row : rows) {
                List<Object> cells = new ArrayList<>(List.of(row.representation(), row.model(), row.algorithm(), row.label(),
                        row.ks().size(), String.join(" ", row.ks())));
                for (String measure : MEASURES) {
                    cells.add(row.mean(measure));
                    cells.add(row.std(measure));
                    cells.add(Arrays.stream(row.values().get(measure)).mapToObj(Double::toString).collect(Collectors.joining(" ")));
                }
                csv.printRecord(cells);
            }
        }
    }

    /** The rows of a {@code quality.csv} written by {@link #write}, as read by {@link RunResults#seedStatistics()}. */
    static List<Row> fromRecords(List<Map<String, String>> records) {
        List<Row> rows = new ArrayList<>();
        for (Map<String, String> r : records) {
            Map<String, double[]> values = new LinkedHashMap<>();
            for (String measure : MEASURES) {
                values.put(measure, Arrays.stream(r.get(measure + "_per_seed").split(" ")).mapToDouble(RunResults::number).toArray());
            }
            rows.add(new Row(r.get("representation"), r.get("model"), r.get("algorithm"), r.get("label"), List.of(r.get("k").split(" ")),
                    values));
        }
        return rows;
    }

    /** Per label, per representation its best algorithm by mean NMI; labels in order, best representation first. */
    public static List<Row> bestPerRepresentation(List<Row> rows) {
        Map<String, Row> best = new LinkedHashMap<>();
        for (Row row : rows) {
            best.merge(row.label() + "\u0000" + row.representation(), row, (a, b) -> a.mean("nmi") >= b.mean("nmi") ? a : b);
        }
        List<Row> sorted = new ArrayList<>(best.values());
        sorted.sort(Comparator.comparing(Row::label).thenComparing(r -> -r.mean("nmi")));
        return sorted;
    }

    public static void print(List<Row> rows, PrintStream console) {
        int seeds = rows.isEmpty() ? 0 : rows.get(0).ks().size();
        console.printf("%nover %d seeds, mean ± std; per representation its best algorithm by mean NMI%n", seeds);
        console.printf("%-10s %-16s %-22s %-12s %15s %15s %15s%n", "label", "representation", "algorithm", "k", "NMI", "ARI", "purity");
        for (Row r : bestPerRepresentation(rows)) {
            console.printf(Locale.ROOT, "%-10s %-16s %-22s %-12s %7.3f ± %5.3f %7.3f ± %5.3f %7.3f ± %5.3f%n", r.label(),
                    r.representation(), r.algorithm(), String.join(" ", r.ks()), r.mean("nmi"), r.std("nmi"), r.mean("ari"),
                    r.std("ari"), r.mean("purity"), r.std("purity"));
        }
    }
}
