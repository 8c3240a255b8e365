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
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The two ways songs are handed over in bulk, each file's own tags filling what the hand-over does not say.
 * <ul>
 *   <li>A manifest CSV ({@code id,audio,title,artist,language,genre,lyrics}, RFC 4180, UTF-8): {@code audio} is
 *   relative to the CSV, every column other than id, audio, title, artist and lyrics is a label. Its columns win
 *   over the tags.</li>
 *   <li>A folder in any layout ({@code Artist/Album/01 Title.flac}...), read as {@link LibraryScan} reads a library,
 *   with optional lyrics in {@code <audio file>.txt}. In the labelled layout, {@code <root>/<label>/<audio file>}
 *   (every file one folder deep), the folder's name becomes a label.</li>
 * </ul>
 */
public final class SongManifest {

    private static final Set<String> FIELDS = Set.of("id", "audio", "title", "artist", "lyrics");

    private SongManifest() {
    }

    /** Reads a manifest CSV or a folder, whichever {@code source} is, with each file's tags. */
    public static List<ManifestEntry> read(Path source, String folderLabel) throws IOException {
        if (Files.isDirectory(source)) {
            return withTags(readFolder(source, folderLabel));
        }
        if (!Files.isRegularFile(source)) {
            throw new IOException("no such manifest or folder: " + source);
        }
        return withTags(readCsv(source));
    }

    /** Each entry with its file's tags; a file whose tags cannot be read (or that is not there yet) goes without. */
    static List<ManifestEntry> withTags(List<ManifestEntry> entries) {
        List<ManifestEntry> tagged = new ArrayList<>(entries.size());
        for (ManifestEntry entry : entries) {
            AudioTags tags = null;
            try (java.io.InputStream in = Files.newInputStream(entry.audio())) {
                java.util.Optional<AudioContainer> container = AudioContainer.sniff(in.readNBytes(AudioContainer.SNIFF_BYTES));
                if (container.isPresent()) {
                    tags = AudioTags.read(entry.audio(), container.get());
                }
            } catch (IOException | AudioTags.TagsUnreadable e) {
                // The upload will say what is wrong with the file, if anything.
            }
            tagged.add(tags == null ? entry : entry.withTags(tags));
        }
        return tagged;
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

    /**
     * Every audio file under {@code root}, recognised by its bytes; in the labelled layout (every file one folder deep)
     * the folder's name is the {@code labelColumn} label. Titles are left to the tags, or the file's name.
     */
    public static List<ManifestEntry> readFolder(Path root, String labelColumn) throws IOException {
        LibraryScan.Result scan = LibraryScan.scan(root, LibraryScan.Known.NOTHING);
        if (scan.audio().isEmpty()) {
            throw new IOException(root + " holds no audio file" + (scan.problems().isEmpty() ? ""
                    : " it can read (" + scan.problems().size() + " not: " + scan.problems().get(0).relative() + ": "
                    + scan.problems().get(0).reason() + ")"));
        }
        boolean labelled = scan.audio().stream().allMatch(file -> file.relative().chars().filter(c -> c == '/').count() == 1);
        List<ManifestEntry> entries = new ArrayList<>();
        for (LibraryScan.AudioFile file : scan.audio()) {
            Path lyricsFile = file.path().resolveSibling(file.path().getFileName() + ".txt");
            String lyrics = Files.isRegularFile(lyricsFile) ? Files.readString(lyricsFile, StandardCharsets.UTF_8) : null;
            Map<String, String> labels = labelled ? Map.of(labelColumn, file.relative().substring(0, file.relative().indexOf('/'))) : Map.of();
            entries.add(new ManifestEntry(null, file.path(), null, null, lyrics, labels, file.relative()));
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
