package dev.musicluster.infra;

import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * The entry point of every child process: runs the real main class, and ends the process when its parent dies.
 * The parent holds the write end of the child's standard input; when the parent is gone, even by SIGKILL, the
 * operating system closes it and the read here returns end-of-file. The JVM offers no other portable way to learn
 * of a parent's death.
 *
 * <p>Deliberately free of dependencies: it runs on the server's classpath, not ours.
 */
public final class OrphanGuard {

    /** How long an orphan may take to shut down cleanly before it is halted. */
    private static final long GRACE_MILLIS = 15_000;

    private OrphanGuard() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 1) {
            System.err.println("usage: OrphanGuard MAIN_CLASS [ARGS...]");
            System.exit(2);
        }
        Thread watcher = new Thread(OrphanGuard::exitWhenParentDies, "orphan-guard");
        watcher.setDaemon(true);
        watcher.start();
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }

    private static void exitWhenParentDies() {
        try {
            while (System.in.read() >= 0) {
                // The parent never writes; anything read is ignored.
            }
        } catch (java.io.IOException ignored) {
            // A broken pipe means the same as end-of-file.
        }
        System.err.println("orphan-guard: parent process is gone, shutting down");
        Thread halter = new Thread(() -> {
            try {
                Thread.sleep(GRACE_MILLIS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(1);
        }, "orphan-guard-halt");
        halter.setDaemon(true);
        halter.start();
        System.exit(0);
    }
}
