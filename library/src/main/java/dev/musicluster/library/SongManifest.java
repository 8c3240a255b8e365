package dev.musicluster.library;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The two ways songs are handed over in bulk.
 * <ul>
 *   <li>A manifest CSV ({@code id,audio,title,artist,language,genre,lyrics}, RFC 4180, UTF-8): {@code audio} is
 *   relative to the CSV, every column other than id, audio, title, artist and lyrics is a label.</li>
 *   <li>A folder {@code <root>/<label>/<audio file>}, with optional lyrics in {@code <audio file>.txt}: the
 *   sub-folder's name becomes a label.</li>
 * </ul>
 */
public final class SongManifest {

    private static final Set<String> FIELDS = Set.of("id", "audio", "title", "artist", "lyrics");

    private SongManifest() {
    }

    /** Reads a manifest CSV or a labelled folder, whichever {@code source} is. */
    public static List<ManifestEntry> read(Path source, String folderLabel) throws IOException {
        if (Files.isDirectory(source)) {
            return readFolder(source, folderLabel);
        }
        if (!Files.isRegularFile(source)) {
            throw new IOException("no such manifest or folder: " + source);
        }
        return readCsv(source);
    }

    public static List<ManifestEntry> readCsv(Path csv) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
        Path base = csv.toAbsolutePath().getParent();
        List<ManifestEntry> entries = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8); CSVParser parser = format.parse(reader)) {
            List<String> header = parser.getHeaderNames();
            if (!header.contains("audio")) {
                throw new IOException(csv + ": the header has no 'audio' column (found " + header + ")");
            }
            for (CSVRecord record : parser) {
                Map<String, String> labels = new LinkedHashMap<>();
                for (String column : header) {
                    String value = record.isSet(column) ? record.get(column).strip() : "";
                    if (!FIELDS.contains(column) && !value.isEmpty()) {
                        labels.put(column, value);
                    }
                }
                String audio = value(record, "audio");
                if (audio == null) {
                    throw new IOException(csv + " line " + record.getRecordNumber() + ": empty 'audio' column");
                }
                entries.add(new ManifestEntry(value(record, "id"), base.resolve(audio).normalize(),
                        value(record, "title"), value(record, "artist"), value(record, "lyrics"), labels,
                        Path.of(audio).normalize().toString().replace('\\', '/')));
            }
        }
        return entries;
    }

    public static List<ManifestEntry> readFolder(Path root, String labelColumn) throws IOException {
        List<ManifestEntry> entries = new ArrayList<>();
        try (Stream<Path> labels = Files.list(root)) {
            for (Path labelDir : labels.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(labelDir)) {
                    for (Path audio : files.filter(SongManifest::isAudio).sorted().toList()) {
                        Path lyricsFile = audio.resolveSibling(audio.getFileName() + ".txt");
                        String lyrics = Files.isRegularFile(lyricsFile) ? Files.readString(lyricsFile, StandardCharsets.UTF_8) : null;
                        String stem = audio.getFileName().toString().replaceFirst("\\.[^.]+$", "");
                        entries.add(new ManifestEntry(null, audio, stem, null, lyrics,
                                Map.of(labelColumn, labelDir.getFileName().toString()), root.relativize(audio).toString().replace('\\', '/')));
                    }
                }
            }
        }
        if (entries.isEmpty()) {
            throw new IOException(root + " holds no audio in <label>/<audio file> sub-folders");
        }
        return entries;
    }

    public static boolean isAudio(Path file) {
        return Files.isRegularFile(file) && AudioContainer.EXTENSIONS.contains(extension(file));
    }

    /** The file name's extension in lower case, without the dot; empty when it has none (a leading dot is no extension). */
    public static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    /** Writes a manifest CSV with audio paths relative to it and the given label columns. */
    public static void writeCsv(Path csv, List<ManifestEntry> entries, List<String> labelColumns) throws IOException {
        List<String> header = new ArrayList<>(List.of("id", "audio", "title", "artist"));
        header.addAll(labelColumns);
        header.add("lyrics");
        Path base = csv.toAbsolutePath().getParent();
        try (Writer writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
             CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).build().print(writer)) {
            for (ManifestEntry entry : entries) {
                List<String> row = new ArrayList<>(List.of(nullToEmpty(entry.id()),
                        base.relativize(entry.audio().toAbsolutePath()).toString(), nullToEmpty(entry.title()),
                        nullToEmpty(entry.artist())));
                labelColumns.forEach(column -> row.add(entry.labels().getOrDefault(column, "")));
                row.add(nullToEmpty(entry.lyrics()));
                printer.printRecord(row);
            }
        }
    }

    private static String value(CSVRecord record, String column) {
        if (!record.isMapped(column) || !record.isSet(column)) {
            return null;
        }
        String value = record.get(column);
        return value.isBlank() ? null : value;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
