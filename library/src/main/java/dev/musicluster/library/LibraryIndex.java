package dev.musicluster.library;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a running system has been told about each file of a library: the file's size and modification time when it
 * was read, its container, its audio identity ({@link AudioStream}), the song it became and the digest of the
 * metadata sent. An entry is written only once the system confirmed the file's song, so a sync stopped partway
 * leaves every file it had not finished as not known, and the next sync does it again; nothing is lost and, since
 * the gateway answers a repeated upload as unchanged, nothing is done twice downstream.
 *
 * <p>Kept as a journal of tab-separated lines (paths never hold control characters: {@link LibraryScan} refuses
 * them), one appended per change and flushed at once, rewritten whole when it has grown to twice the live entries.
 * Reading it is what lets a sync recognise 100,000 unchanged files by their directory entries alone. Safe for several
 * threads.
 */
public final class LibraryIndex implements AutoCloseable {

    private static final String HEADER = "# musicluster library index 1: path, size, modified ms, container, audio sha256, song id, metadata sha256";
    private static final String REMOVED = "-";

    /** One file as the system knows it. */
    public record Entry(String relative, long size, long modifiedMillis, AudioContainer container, String audioSha256, String songId,
                        String metadataSha256) {

        String line() {
            return String.join("\t", relative, Long.toString(size), Long.toString(modifiedMillis), container.name(), audioSha256, songId,
                    metadataSha256);
        }

        static Entry parse(String[] fields) {
            return new Entry(fields[0], Long.parseLong(fields[1]), Long.parseLong(fields[2]), AudioContainer.valueOf(fields[3]), fields[4],
                    fields[5], fields[6]);
        }
    }

    private final Path file;
    private final Map<String, Entry> entries;
    private BufferedWriter journal;
    private long lines;

    private LibraryIndex(Path file, Map<String, Entry> entries, long lines) {
        this.file = file;
        this.entries = entries;
        this.lines = lines;
    }

    /** Opens the index kept in {@code file}, creating it when absent; a line cut short by a crash is ignored. */
    public static LibraryIndex open(Path file) throws IOException {
        Map<String, Entry> entries = new TreeMap<>();
        long lines = 0;
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                lines++;
                String[] fields = line.split("\t", -1);
                if (fields.length == 2 && fields[0].equals(REMOVED)) {
                    entries.remove(fields[1]);
                } else if (fields.length == 7) {
                    try {
                        entries.put(fields[0], Entry.parse(fields));
                    } catch (IllegalArgumentException torn) {
                        // the last line of a journal whose writer was killed mid-line
                    }
                }
            }
        } else if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        LibraryIndex index = new LibraryIndex(file, entries, lines);
        if (lines > 2L * entries.size() + 1000 || !Files.exists(file)) {
            index.rewrite();
        }
        index.journal = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return index;
    }

    public synchronized Optional<Entry> get(String relative) {
        return Optional.ofNullable(entries.get(relative));
    }

    /** A copy: the sync's workers write while the plan is made. */
    public synchronized Collection<Entry> entries() {
        return List.copyOf(entries.values());
    }

    public synchronized int size() {
        return entries.size();
    }

    public synchronized void put(Entry entry) throws IOException {
        entries.put(entry.relative(), entry);
        append(entry.line());
    }

    public synchronized void remove(String relative) throws IOException {
        if (entries.remove(relative) != null) {
            append(REMOVED + "\t" + relative);
        }
    }

    /** The containers of files whose size and modification time are what the index recorded. */
    public LibraryScan.Known known() {
        return (relative, size, modified) -> get(relative).filter(e -> e.size() == size && e.modifiedMillis() == modified)
                .map(Entry::container);
    }

    private synchronized void append(String line) throws IOException {
        journal.write(line);
        journal.newLine();
        journal.flush();
        lines++;
    }

    private void rewrite() throws IOException {
        Path fresh = file.resolveSibling(file.getFileName() + ".new");
        List<String> content = new java.util.ArrayList<>();
        content.add(HEADER);
        entries.values().forEach(e -> content.add(e.line()));
        Files.write(fresh, content, StandardCharsets.UTF_8);
        Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        lines = entries.size();
    }

    @Override
    public void close() throws IOException {
        if (journal != null) {
            journal.close();
        }
    }
}
