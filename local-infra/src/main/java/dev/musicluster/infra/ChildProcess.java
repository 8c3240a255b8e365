package dev.musicluster.infra;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child JVM started through {@link OrphanGuard}, with its output in a log file. Stopping it stops its whole
 * process tree: a polite SIGTERM first, then SIGKILL for whatever is still alive after the grace period.
 */
public final class ChildProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChildProcess.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code java [jvmArgs] -cp classpath OrphanGuard mainClass args}.
     *
     * @param classpath the child's own classpath; the guard's code location is added to it
     */
    public static ChildProcess startJava(String name, List<Path> classpath, List<String> jvmArgs, String mainClass,
                                        List<String> args, Map<String, String> environment, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        List<String> entries = new ArrayList<>();
        classpath.forEach(entry -> entries.add(entry.toString()));
        entries.add(guardLocation().toString());
        command.add(String.join(File.pathSeparator, entries));
        command.add(OrphanGuard.class.getName());
        command.add(mainClass);
        command.addAll(args);
        return start(name, command, environment, log);
    }

    public static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path log)
            throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        // Standard input stays a pipe: its closing is how the child learns that we are gone.
        Process process = builder.start();
        LOG.debug("started {} (pid {}), log {}", name, process.pid(), log);
        return new ChildProcess(name, process, log);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** Waits for a child that is meant to finish (a formatting tool), failing with its log when it does not succeed. */
    public void awaitSuccess(Duration timeout) throws IOException, InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            close();
            throw new IOException(name + " did not finish within " + timeout + "; log: " + log);
        }
        if (process.exitValue() != 0) {
            throw new IOException(name + " failed with exit code " + process.exitValue() + ": " + tail());
        }
    }

    /**
     * The end of the child's log for error messages, without stack frames: what a start-up failure says is in its
     * "Caused by" lines, which thirty lines of frames would push out.
     */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log).stream()
                    .filter(line -> !line.startsWith("\tat ") && !(line.startsWith("\t... ") && line.endsWith(" more"))).toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())) + "\n(the whole log: " + log + ")";
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** SIGKILL, as a crash or an OOM kill would end it: no shutdown hook runs, nothing is flushed or committed. */
    public void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        for (ProcessHandle handle : tree) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception stillAlive) {
                LOG.warn("{} (pid {}) ignored SIGTERM for {}, killing it", name, handle.pid(), STOP_GRACE);
                handle.destroyForcibly();
            }
        }
    }

    private static Path guardLocation() {
        try {
            return Path.of(OrphanGuard.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the local-infra classes", e);
        }
    }
}
