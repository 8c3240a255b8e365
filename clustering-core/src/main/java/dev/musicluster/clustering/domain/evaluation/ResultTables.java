package dev.musicluster.clustering.domain.evaluation;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/** The two result tables, as CSV text: the service stores them in S3, the command line writes them to files. */
public final class ResultTables {

    private ResultTables() {
    }

    /** {@code clustering_metrics.csv}: one row per representation, algorithm and label column. */
    public static String metrics(List<MetricsRow> rows) {
        return csv(MetricsRow.HEADER, rows.stream().map(MetricsRow::values).toList());
    }

    /** {@code assignments.csv}: each song's cluster under every column (representation/algorithm; -1 is noise). */
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

    /** The column of {@code assignments.csv} with each song's most likely musicnn tags (text, not a cluster). */
    public static final String TOP_TAGS = "top_tags";

    /** A table of one text column per song, to merge into {@code assignments.csv}. */
    public static String songColumn(List<String> ids, String column, List<String> values) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            rows.add(List.of(ids.get(i), values.get(i)));
        }
        return csv(List.of("id", column), rows);
    }

    /** Several metrics tables as one: one header, every row. */
    public static String mergeMetrics(List<String> tables) {
        List<List<Object>> rows = new ArrayList<>();
        for (String table : tables) {
            for (CSVRecord record : parse(table)) {
                rows.add(new ArrayList<>(record.toList()));
            }
        }
        return csv(MetricsRow.HEADER, rows);
    }

    /**
     * Several assignments tables joined on the song id: every column of every table, a song's cell empty where a
     * table does not hold the song (a baseline of songs with lyrics, say).
     */
    public static String mergeAssignments(List<String> tables) {
        Map<String, Map<String, String>> bySong = new java.util.LinkedHashMap<>();
        java.util.LinkedHashSet<String> columns = new java.util.LinkedHashSet<>();
        for (String table : tables) {
            List<CSVRecord> records = parse(table);
            if (records.isEmpty()) {
                continue;
            }
            List<String> names = records.get(0).getParser().getHeaderNames();
            columns.addAll(names.subList(1, names.size()));
            for (CSVRecord record : records) {
                Map<String, String> cells = bySong.computeIfAbsent(record.get(0), id -> new java.util.HashMap<>());
                for (String name : names.subList(1, names.size())) {
                    cells.put(name, record.get(name));
                }
            }
        }
        List<String> header = new ArrayList<>(List.of("id"));
        header.addAll(columns);
        List<List<Object>> rows = new ArrayList<>();
        bySong.forEach((id, cells) -> {
            List<Object> row = new ArrayList<>(List.of(id));
            columns.forEach(column -> row.add(cells.getOrDefault(column, "")));
            rows.add(row);
        });
        return csv(header, rows);
    }

    /** One column of an assignments table: song id → cluster, songs with an empty cell left out. */
    public static Map<String, Integer> column(String table, String column) {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        for (CSVRecord record : parse(table)) {
            if (record.isMapped(column) && !record.get(column).isEmpty()) {
                out.put(record.get(0), Integer.parseInt(record.get(column)));
            }
        }
        return out;
    }

    private static List<CSVRecord> parse(String table) {
        try {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(new java.io.StringReader(table)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory cannot fail", e);
        }
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
