package dev.musicluster.cli;

import java.io.PrintStream;

/** A one-line progress bar that redraws itself on a terminal and prints plain lines to a log. */
final class Progress {

    private static final int WIDTH = 30;
    private final PrintStream out;
    private final String stage;
    private final int total;
    private final boolean terminal = System.console() != null;
    private int lastPrinted = -1;

    Progress(PrintStream out, String stage, int total) {
        this.out = out;
        this.stage = stage;
        this.total = total;
    }

    void update(int done) {
        int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
        String line = String.format("%-10s [%s%s] %d/%d", stage, "#".repeat(filled), ".".repeat(WIDTH - filled), done, total);
        if (terminal) {
            out.print("\r" + line);
            out.flush();
        } else if (done == total || done * 10 / Math.max(1, total) != lastPrinted) {
            lastPrinted = done * 10 / Math.max(1, total);
            out.println(line);
        }
    }

    void done() {
        if (terminal) {
            out.println();
        }
    }
}
