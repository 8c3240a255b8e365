package dev.musicluster.cli;

import dev.musicluster.library.ManifestEntry;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Uploads many songs through the gateway, a few at a time. A song the gateway refuses is reported and the others
 * go on; the caller decides what the failures mean.
 */
final class BulkIngest {

    private static final int PARALLEL_UPLOADS = 4;

    record Failure(ManifestEntry entry, String reason) {
    }

    record Report(int accepted, int unchanged, List<String> ids, List<Failure> failures) {
    }

    static Report run(GatewayClient gateway, List<ManifestEntry> entries, PrintStream out) throws InterruptedException {
        return run(gateway, entries, out, PARALLEL_UPLOADS);
    }

    /** {@code parallel}: uploads at once (the harness's tiny files wait on the gateway's round trips, not on bytes). */
    static Report run(GatewayClient gateway, List<ManifestEntry> entries, PrintStream out, int parallel) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Future<GatewayClient.Upload>> uploads = new ArrayList<>();
        for (ManifestEntry entry : entries) {
            uploads.add(pool.submit(() -> {
                if (!Files.isRegularFile(entry.audio())) {
                    return new GatewayClient.Upload(0, entry.id(), "audio file not found: " + entry.audio());
                }
                return GatewayRetries.send(() -> gateway.ingest(entry));
            }));
        }
        int accepted = 0;
        int unchanged = 0;
        List<Failure> failures = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        Progress progress = new Progress(out, "ingest", entries.size());
        try {
            for (int i = 0; i < uploads.size(); i++) {
                ManifestEntry entry = entries.get(i);
                try {
                    GatewayClient.Upload upload = uploads.get(i).get();
                    if (upload.ok()) {
                        ids.add(upload.id());
                    }
                    if (upload.status() == 202) {
                        accepted++;
                    } else if (upload.status() == 200) {
                        unchanged++;
                    } else {
                        failures.add(new Failure(entry, (upload.status() == 0 ? "" : "HTTP " + upload.status() + ": ") + upload.message()));
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(new Failure(entry, String.valueOf(e.getCause().getMessage())));
                }
                progress.update(i + 1);
            }
        } finally {
            pool.shutdownNow();
        }
        progress.done();
        return new Report(accepted, unchanged, ids, failures);
    }
}
