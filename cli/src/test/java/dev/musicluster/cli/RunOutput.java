package dev.musicluster.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A child process's output as a test waits on it: echoed with {@code [run]}, searched line by line, and when the
 * line does not come (the process ended, or the time ran out) a failure that says why in its last lines, since CI
 * keeps only the end of what a failed build printed.
 */
final class RunOutput {

    private static final int KEPT = 12;

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Deque<String> recent = new ArrayDeque<>();

    private RunOutput(Process process) {
        this.process = process;
    }

    static RunOutput of(Process process) {
        RunOutput output = new RunOutput(process);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    System.out.println("[run] " + line);
                    output.lines.add(line);
                }
            } catch (IOException ignored) {
                // The process ended.
            }
        }, "run-output");
        reader.setDaemon(true);
        reader.start();
        return output;
    }

    /** The first line from now on that matches; fails when the process ends first or {@code timeout} passes. */
    Matcher await(Pattern pattern, Duration timeout, Path serviceLogs) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line == null) {
                if (!process.isAlive() && lines.isEmpty()) {
                    // Its last lines may still be on their way through the reader.
                    Thread.sleep(500);
                    if (lines.isEmpty()) {
                        throw failure("the run exited with status " + process.exitValue() + " before a line matching " + pattern,
                                serviceLogs);
                    }
                }
                continue;
            }
            remember(line);
            Matcher matcher = pattern.matcher(line);
            if (matcher.find()) {
                return matcher;
            }
        }
        throw failure("no line matching " + pattern + " within " + timeout, serviceLogs);
    }

    private void remember(String line) {
        recent.addLast(line.length() > 240 ? line.substring(0, 240) + "…" : line);
        if (recent.size() > KEPT) {
            recent.removeFirst();
        }
    }

    /** Why, then each service's last warning or error, then the run's last lines: the end is what CI shows. */
    private AssertionError failure(String why, Path serviceLogs) {
        List<String> message = new ArrayList<>(List.of(why));
        message.addAll(lastComplaints(serviceLogs));
        message.add("the run's last lines:");
        recent.forEach(line -> message.add("  | " + line));
        return new AssertionError(String.join("\n", message));
    }

    private static List<String> lastComplaints(Path serviceLogs) {
        List<String> complaints = new ArrayList<>();
        if (!Files.isDirectory(serviceLogs)) {
            return List.of("no service logs in " + serviceLogs);
        }
        try (Stream<Path> logs = Files.list(serviceLogs)) {
            for (Path log : logs.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
                List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
                all.stream().filter(l -> l.contains(" ERROR ") || l.contains(" WARN ") || l.startsWith("Exception") || l.contains("Caused by"))
                        .reduce((first, second) -> second)
                        .ifPresent(l -> complaints.add(log.getFileName() + ": " + (l.length() > 300 ? l.substring(0, 300) + "…" : l)));
            }
        } catch (IOException | RuntimeException e) {
            complaints.add("service logs unreadable: " + e);
        }
        return complaints;
    }
}
