package dev.musicluster.cli;

import java.io.PrintStream;

/**
 * A one-line progress bar that redraws itself on a terminal and prints plain lines to a log, with the time left as
 * the pace so far gives it.
 */
final class Progress {

    private static final int WIDTH = 30;
    private final PrintStream out;
    private final String stage;
    private final int total;
    private final boolean terminal = System.console() != null;
    private final long started = System.nanoTime();
    private int first = -1;
    private int lastPrinted = -1;

    Progress(PrintStream out, String stage, int total) {
        this.out = out;
        this.stage = stage;
        this.total = total;
    }

    void update(int done) {
        if (first < 0) {
            first = done;
        }
        int filled = total == 0 ? WIDTH : (int) ((long) Math.min(done, total) * WIDTH / total);
        String line = String.format("%-10s [%s%s] %d/%d%s", stage, "#".repeat(filled), ".".repeat(WIDTH - filled), done, total, left(done));
        if (terminal) {
            out.print("\r" + line);
            out.flush();
        } else if (done == total || done * 10 / Math.max(1, total) != lastPrinted) {
            lastPrinted = done * 10 / Math.max(1, total);
            out.println(line);
        }
    }

    /** "  about 3 min left", from the pace since the first update; nothing before there is a pace or once done. */
    private String left(int done) {
        double seconds = (System.nanoTime() - started) / 1e9;
        if (done >= total || done <= first || seconds < 2) {
            return "";
        }
        double remaining = (total - done) * seconds / (done - first);
        return remaining < 90 ? String.format("  about %.0f s left", remaining) : String.format("  about %.0f min left", remaining / 60);
    }

    void done() {
        if (terminal) {
            out.println();
        }
    }
}
