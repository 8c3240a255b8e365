package dev.musicluster.bench;

import dev.musicluster.library.AudioContainer;
import dev.musicluster.library.LibraryIndex;
import dev.musicluster.library.LibraryScan;
import dev.musicluster.library.SyncPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A sync of a library in which nothing changed, at a size people have: {@code N} files (default 100,000) in
 * {@code Artist/Album/} folders of ten files, and the index that knows them all. Prints, for three syncs in a row, what
 * a re-sync costs when no file is read: loading the index, walking the folders, making the plan, and the heap they hold.
 * The files are hard links to ten small MP3 files (ext4 keeps up to 65,000 links to one), so the tree costs no disk.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.musicluster.bench.LibrarySyncBenchmark [N]}.
 */
public final class LibrarySyncBenchmark {

    private static final int SOURCES = 10;

    private LibrarySyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Files.createTempDirectory("library-sync-bench");
        try {
            Path library = dir.resolve("library");
            long built = System.nanoTime();
            List<Path> sources = sources(dir.resolve("sources"));
            try (LibraryIndex index = LibraryIndex.open(dir.resolve("index.tsv"))) {
                for (int i = 0; i < files; i++) {
                    String relative = String.format(Locale.ROOT, "Artist %05d/Album/%02d Track.mp3", i / 10, i % 10);
                    Path file = library.resolve(relative);
                    if (i % 10 == 0) {
                        Files.createDirectories(file.getParent());
                    }
                    Path source = sources.get(i % SOURCES);
                    Files.createLink(file, source);
                    index.put(new LibraryIndex.Entry(relative, Files.size(source), Files.getLastModifiedTime(source).toMillis(),
                            AudioContainer.MP3, String.format("%064x", i), String.format("s-%020x", i), "0".repeat(64)));
                }
            }
            System.out.printf(Locale.ROOT, "%,d files in %,d folders and their index made in %.1f s; index %,d bytes%n", files,
                    files / 10 * 2, (System.nanoTime() - built) / 1e9, Files.size(dir.resolve("index.tsv")));
            for (int round = 1; round <= 3; round++) {
                System.gc();
                long before = usedHeap();
                long opened = System.nanoTime();
                try (LibraryIndex index = LibraryIndex.open(dir.resolve("index.tsv"))) {
                    long scanned = System.nanoTime();
                    LibraryScan.Result scan = LibraryScan.scan(library, index.known());
                    long planned = System.nanoTime();
                    SyncPlan.Plan plan = SyncPlan.plan(scan, index, file -> {
                        throw new IllegalStateException("an unchanged file was read: " + file.relative());
                    });
                    long done = System.nanoTime();
                    System.gc();
                    long held = usedHeap() - before;
                    if (plan.unchanged() != files || !plan.actions().isEmpty()) {
                        throw new IllegalStateException("expected every file unchanged, got " + plan.unchanged() + " and "
                                + plan.actions().size() + " actions");
                    }
                    System.out.printf(Locale.ROOT, "sync %d: index %.2f s, walk %.2f s, plan %.2f s, in all %.2f s (%.1f µs a file); "
                                    + "heap held %.0f MB (index, walk and plan: %,d entries)%n", round, (scanned - opened) / 1e9, (planned - scanned) / 1e9,
                            (done - planned) / 1e9, (done - opened) / 1e9, (done - opened) / 1e3 / files, held / 1e6,
                            index.size() + scan.audio().size() + plan.unchanged());
                }
            }
        } finally {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    /** Ten MP3 files, a few hundred bytes each: an ID3 header and silent MPEG frames are all a walk looks at. */
    private static List<Path> sources(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> sources = new java.util.ArrayList<>();
        for (int i = 0; i < SOURCES; i++) {
            Path file = dir.resolve(i + ".mp3");
            byte[] bytes = new byte[417 + i];
            bytes[0] = 'I';
            bytes[1] = 'D';
            bytes[2] = '3';
            bytes[3] = 4;
            Files.write(file, bytes);
            sources.add(file);
        }
        return sources;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
