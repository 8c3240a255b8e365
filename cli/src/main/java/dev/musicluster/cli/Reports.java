package dev.musicluster.cli;

import java.io.PrintStream;

/** How an ingestion went, in words and as the exit code. */
final class Reports {

    /** Exit code when some songs were refused: the others went in. */
    static final int SOME_SONGS_REFUSED = 2;
    /**
     * Exit code when the run finished but some of its models failed (diverged, ran out of memory): every other model
     * was clustered and reported. It wins over {@link #SOME_SONGS_REFUSED} when both happen.
     */
    static final int SOME_MODELS_FAILED = 3;

    private Reports() {
    }

    static int summarise(BulkIngest.Report report, PrintStream out) {
        out.printf("ingested: %d new, %d unchanged, %d refused%n", report.accepted(), report.unchanged(), report.failures().size());
        for (BulkIngest.Failure failure : report.failures()) {
            out.printf("  refused %s: %s%n", failure.entry().audio().getFileName(), failure.reason());
        }
        return report.failures().isEmpty() ? 0 : SOME_SONGS_REFUSED;
    }
}
