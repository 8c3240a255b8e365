package dev.musicluster.cli.report;

import java.awt.BasicStroke;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The scale harness's measures at several library sizes ({@code scale.csv} of each run, docs/scale.md) side by side,
 * each with its growth exponent: the slope of log(value) over log(songs), least squares over the sizes measured. 1 is
 * linear, 2 quadratic, 0 a constant.
 */
public final class ScaleGrowth {

    private ScaleGrowth() {
    }

    /** One measure at each size. */
    public record Row(String kind, String name, String unit, TreeMap<Integer, Double> bySongs) {

        /** NaN below two sizes with positive values. */
        public double exponent() {
            List<double[]> points = bySongs.entrySet().stream().filter(e -> e.getValue() > 0)
                    .map(e -> new double[] {Math.log(e.getKey()), Math.log(e.getValue())}).toList();
            if (points.size() < 2) {
                return Double.NaN;
            }
            double mx = points.stream().mapToDouble(p -> p[0]).average().orElseThrow();
            double my = points.stream().mapToDouble(p -> p[1]).average().orElseThrow();
            double sxy = 0;
            double sxx = 0;
            for (double[] p : points) {
                sxy += (p[0] - mx) * (p[1] - my);
                sxx += (p[0] - mx) * (p[0] - mx);
            }
            return sxx == 0 ? Double.NaN : sxy / sxx;
        }
    }

    public static List<Row> read(List<Path> csvs) throws IOException {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (Path csv : csvs) {
            try (Reader in = Files.newBufferedReader(csv)) {
                for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
                    String kind = record.get("kind");
                    String name = record.get("name");
                    rows.computeIfAbsent(kind + "\t" + name, k -> new Row(kind, name, record.get("unit"), new TreeMap<>()))
                            .bySongs().put(Integer.parseInt(record.get("songs")), Double.parseDouble(record.get("value")));
                }
            }
        }
        return new ArrayList<>(rows.values());
    }

    /** A Markdown table: one column per size, then the exponent. */
    public static String markdown(List<Row> rows) {
        List<Integer> sizes = rows.stream().flatMap(r -> r.bySongs().keySet().stream()).distinct().sorted().toList();
        StringBuilder table = new StringBuilder("| measure | unit |");
        sizes.forEach(n -> table.append(String.format(Locale.ROOT, " %,d songs |", n)));
        table.append(" growth exponent |\n|---|---|");
        sizes.forEach(n -> table.append("---:|"));
        table.append("---:|\n");
        for (Row row : rows) {
            table.append("| ").append(row.kind()).append(": ").append(row.name()).append(" | ").append(row.unit()).append(" |");
            for (int n : sizes) {
                Double value = row.bySongs().get(n);
                table.append(' ').append(value == null ? "" : format(value, row.unit())).append(" |");
            }
            double exponent = row.exponent();
            table.append(' ').append(Double.isNaN(exponent) ? "" : String.format(Locale.ROOT, "%.2f", exponent)).append(" |\n");
        }
        return table.toString();
    }

    private static String format(double value, String unit) {
        return switch (unit) {
            case "bytes" -> String.format(Locale.ROOT, "%,.0f", value);
            case "MiB" -> String.format(Locale.ROOT, "%,.0f", value);
            default -> String.format(Locale.ROOT, value >= 100 ? "%,.0f" : "%.1f", value);
        };
    }

    /** The stages' wall times over the library's size, both axes logarithmic. */
    public static void plot(List<Row> rows, Path png) throws IOException {
        XYSeriesCollection series = new XYSeriesCollection();
        for (Row row : rows) {
            if (row.kind().equals("stage") && row.bySongs().size() >= 2) {
                XYSeries line = new XYSeries(String.format(Locale.ROOT, "%s (%.2f)", row.name(), row.exponent()));
                row.bySongs().forEach((n, seconds) -> {
                    if (seconds > 0) {
                        line.add(n.doubleValue(), seconds.doubleValue());
                    }
                });
                series.addSeries(line);
            }
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < series.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, Palette.category(i));
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(series, new LogAxis("songs"), new LogAxis("seconds"), renderer);
        ChartFile.save(png, "Each stage's time over the library's size (growth exponent)", plot, true, 760, 520);
    }
}
