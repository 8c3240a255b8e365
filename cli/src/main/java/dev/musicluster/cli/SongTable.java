package dev.musicluster.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The songs as the gateway lists them: printed as a table, written as {@code songs.csv}. */
final class SongTable {

    private SongTable() {
    }

    static void print(List<Map<String, Object>> songs, PrintStream out) {
        List<String> labelColumns = labelColumns(songs);
        StringBuilder header = new StringBuilder(String.format("%-24s %-28s %-12s", "id", "title", "status"));
        labelColumns.forEach(column -> header.append(String.format(" %-12s", column)));
        out.println(header);
        for (Map<String, Object> song : songs) {
            StringBuilder row = new StringBuilder(String.format("%-24s %-28s %-12s", clip(song.get("id"), 24),
                    clip(song.get("title"), 28), song.get("status")));
            labelColumns.forEach(column -> row.append(String.format(" %-12s", clip(labels(song).get(column), 12))));
            out.println(row);
        }
    }

    static void write(List<Map<String, Object>> songs, Path csv) throws IOException {
        List<String> labelColumns = labelColumns(songs);
        List<String> header = new ArrayList<>(List.of("id", "title", "artist", "status"));
        header.addAll(labelColumns);
        Files.createDirectories(csv.toAbsolutePath().getParent());
        try (Writer writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
             CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).build().print(writer)) {
            for (Map<String, Object> song : songs) {
                List<Object> row = new ArrayList<>(List.of(value(song.get("id")), value(song.get("title")),
                        value(song.get("artist")), value(song.get("status"))));
                labelColumns.forEach(column -> row.add(value(labels(song).get(column))));
                printer.printRecord(row);
            }
        }
    }

    private static List<String> labelColumns(List<Map<String, Object>> songs) {
        TreeSet<String> columns = new TreeSet<>();
        songs.forEach(song -> columns.addAll(labels(song).keySet()));
        return List.copyOf(columns);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> labels(Map<String, Object> song) {
        Object labels = song.get("labels");
        return labels instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static String value(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String clip(Object value, int width) {
        String text = value(value).replace('\n', ' ');
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
