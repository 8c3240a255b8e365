package dev.musicluster.clustering.domain.evaluation;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The two result tables, as CSV text: the service stores them in S3, the command line writes them to files. */
public final class ResultTables {

    private ResultTables() {
    }

    /** {@code clustering_metrics.csv}: one row per representation, algorithm and label column. */
    public static String metrics(List<MetricsRow> rows) {
        return csv(MetricsRow.HEADER, rows.stream().map(MetricsRow::values).toList());
    }

    /** {@code assignments.csv}: each song's cluster under every algorithm (-1 is noise). */
    public static String assignments(List<String> ids, Map<String, int[]> byAlgorithm) {
        List<String> header = new ArrayList<>(List.of("id"));
        header.addAll(byAlgorithm.keySet());
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            List<Object> row = new ArrayList<>(List.of(ids.get(i)));
            for (int[] labels : byAlgorithm.values()) {
                row.add(labels[i]);
            }
            rows.add(row);
        }
        return csv(header, rows);
    }

    private static String csv(List<String> header, List<List<Object>> rows) {
        StringWriter writer = new StringWriter();
        try (CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).build().print(writer)) {
            for (List<Object> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return writer.toString();
    }
}
