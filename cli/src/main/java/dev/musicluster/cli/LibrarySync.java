package dev.musicluster.cli;

import dev.musicluster.contracts.SongId;
import dev.musicluster.library.LibraryFileReader;
import dev.musicluster.library.LibraryIndex;
import dev.musicluster.library.LibraryScan;
import dev.musicluster.library.SongDescription;
import dev.musicluster.library.SyncPlan;
import dev.musicluster.library.SyncPlan.Action;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One sync of a library folder with a running system: the folder scanned, the files the index does not know as they
 * are read (audio identity and tags), the plan made ({@link SyncPlan}) and carried out through the gateway, each
 * file's entry written to the index only once the gateway confirmed it. Interrupted anywhere, the next sync does again
 * what this one had not finished, and the gateway answers what it already has as unchanged.
 */
final class LibrarySync {

    /** What one sync did. {@code songIds} are the songs whose audio went in (new or changed): analysis follows for them. */
    record Report(int scanned, int unchanged, int added, int replaced, int described, int recorded, int removed,
                  List<LibraryScan.Problem> problems, Map<String, String> copies, Map<String, String> untagged, List<String> songIds,
                  double seconds) {

        boolean changed() {
            return added + replaced + described + removed > 0;
        }
    }

    private LibrarySync() {
    }

    /** Files modified more recently than {@code settleMillis} ago are left for the next sync: they may still be copied. */
    static Report run(Path root, LibraryIndex index, LibraryFileReader reader, GatewayClient gateway, int threads, long settleMillis,
                      PrintStream console) throws IOException, InterruptedException {
        long started = System.nanoTime();
        LibraryScan.Result scanned = LibraryScan.scan(root, index.known());
        long now = System.currentTimeMillis();
        List<LibraryScan.AudioFile> settled = scanned.audio().stream().filter(f -> now - f.modifiedMillis() >= settleMillis).toList();
        LibraryScan.Result scan = new LibraryScan.Result(scanned.root(), settled, scanned.problems(), scanned.skipped());
        Map<String, SyncPlan.Reading> readings = read(SyncPlan.toRead(scan, index), reader, threads, console);
        SyncPlan.Plan plan = SyncPlan.plan(scan, index, file -> readings.get(file.relative()));
        List<LibraryScan.Problem> problems = Collections.synchronizedList(new ArrayList<>(plan.problems()));
        List<String> songIds = Collections.synchronizedList(new ArrayList<>());
        int[] counts = new int[5];
        List<Action> changes = plan.actions().stream().filter(a -> !(a instanceof Action.Remove)).toList();
        List<Action> removals = plan.actions().stream().filter(a -> a instanceof Action.Remove).toList();
        carryOut(changes, gateway, index, threads, problems, songIds, counts, console, "send");
        carryOut(removals, gateway, index, threads, problems, songIds, counts, console, "remove");
        Map<String, String> untagged = new java.util.TreeMap<>();
        readings.forEach((relative, reading) -> {
            if (reading.read() != null && reading.read().tagsUnreadable() != null) {
                untagged.put(relative, reading.read().tagsUnreadable());
            }
        });
        return new Report(scanned.audio().size(), plan.unchanged(), counts[0], counts[1], counts[2], counts[3], counts[4],
                List.copyOf(problems), plan.copies(), untagged, List.copyOf(songIds), (System.nanoTime() - started) / 1e9);
    }

    private static Map<String, SyncPlan.Reading> read(List<LibraryScan.AudioFile> files, LibraryFileReader reader, int threads,
                                                     PrintStream console) throws InterruptedException {
        Map<String, SyncPlan.Reading> readings = new ConcurrentHashMap<>();
        if (files.isEmpty()) {
            return readings;
        }
        Progress progress = new Progress(console, "read", files.size());
        AtomicInteger done = new AtomicInteger();
        runAll(files, threads, file -> {
            SyncPlan.Reading reading;
            try {
                reading = new SyncPlan.Reading(reader.read(file), null);
            } catch (IOException e) {
                reading = new SyncPlan.Reading(null, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
            readings.put(file.relative(), reading);
            synchronized (progress) {
                progress.update(done.incrementAndGet());
            }
        });
        progress.done();
        return readings;
    }

    private static void carryOut(List<Action> actions, GatewayClient gateway, LibraryIndex index, int threads,
                                 List<LibraryScan.Problem> problems, List<String> songIds, int[] counts, PrintStream console, String stage)
            throws InterruptedException {
        if (actions.isEmpty()) {
            return;
        }
        Progress progress = new Progress(console, stage, actions.size());
        AtomicInteger done = new AtomicInteger();
        runAll(actions, threads, action -> {
            try {
                String failure = apply(action, gateway, index, songIds, counts);
                if (failure != null) {
                    problems.add(new LibraryScan.Problem(action.relative(), failure));
                }
            } catch (IOException e) {
                problems.add(new LibraryScan.Problem(action.relative(), "the gateway could not be reached: " + e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (progress) {
                progress.update(done.incrementAndGet());
            }
        });
        progress.done();
    }

    /** Carries out one action; the index learns of it once the gateway confirmed it. Returns why it failed, or null. */
    private static String apply(Action action, GatewayClient gateway, LibraryIndex index, List<String> songIds, int[] counts)
            throws IOException, InterruptedException {
        if (action instanceof Action.Add add) {
            String id = SongId.fromContent(HexFormat.of().parseHex(add.audioSha256()));
            return upload(gateway, index, add.file(), id, add.audioSha256(), add.description(), songIds, counts, 0);
        }
        if (action instanceof Action.Replace replace) {
            return upload(gateway, index, replace.file(), replace.songId(), replace.audioSha256(), replace.description(), songIds, counts, 1);
        }
        if (action instanceof Action.Describe describe) {
            GatewayClient.Upload answer = GatewayRetries.send(() -> gateway.describe(describe.songId(), describe.description()));
            if (answer.status() == 404) {
                // The system does not have the song (removed by someone else): its audio goes in again.
                return upload(gateway, index, describe.file(), describe.songId(), describe.audioSha256(), describe.description(), songIds,
                        counts, 0);
            }
            if (!answer.ok()) {
                return "HTTP " + answer.status() + ": " + answer.message();
            }
            record(index, describe.file(), describe.audioSha256(), describe.songId(), describe.description());
            if (describe.movedFrom() != null) {
                index.remove(describe.movedFrom());
            }
            count(counts, 2);
            return null;
        }
        if (action instanceof Action.Record touched) {
            LibraryIndex.Entry entry = touched.entry();
            index.put(new LibraryIndex.Entry(entry.relative(), touched.file().size(), touched.file().modifiedMillis(), entry.container(),
                    entry.audioSha256(), entry.songId(), entry.metadataSha256()));
            count(counts, 3);
            return null;
        }
        Action.Remove remove = (Action.Remove) action;
        GatewayClient.Upload answer = GatewayRetries.send(() -> gateway.remove(remove.entry().songId()));
        if (answer.status() != 204 && answer.status() != 404) {
            return "HTTP " + answer.status() + ": " + answer.message();
        }
        index.remove(remove.entry().relative());
        count(counts, 4);
        return null;
    }

    private static String upload(GatewayClient gateway, LibraryIndex index, LibraryScan.AudioFile file, String id, String audioSha256,
                                 SongDescription description, List<String> songIds, int[] counts, int kind)
            throws IOException, InterruptedException {
        GatewayClient.Upload answer = GatewayRetries.send(() -> gateway.ingest(file.path(), id, description));
        if (!answer.ok()) {
            return "HTTP " + answer.status() + ": " + answer.message();
        }
        record(index, file, audioSha256, answer.id(), description);
        songIds.add(answer.id());
        count(counts, kind);
        return null;
    }

    private static void record(LibraryIndex index, LibraryScan.AudioFile file, String audioSha256, String songId,
                               SongDescription description) throws IOException {
        index.put(new LibraryIndex.Entry(file.relative(), file.size(), file.modifiedMillis(), file.container(), audioSha256, songId,
                description.metadataSha256()));
    }

    private static synchronized void count(int[] counts, int kind) {
        counts[kind]++;
    }

    @FunctionalInterface
    private interface Task<T> {
        void run(T item) throws Exception;
    }

    private static <T> void runAll(List<T> items, int threads, Task<T> task) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> {
                    task.run(item);
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
