package dev.musicluster.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JMH benchmarks (any JMH command-line options pass through; a regex argument picks benchmarks) and prints
 * what they mean: features as a ratio to the FFT floor measured in the same run and as times real time per core;
 * embedders as lyrics per second per core.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws RunnerException, org.openjdk.jmh.runner.options.CommandLineOptionException {
        CommandLineOptions commandLine = new CommandLineOptions(args);
        OptionsBuilder builder = new OptionsBuilder();
        if (commandLine.getIncludes().isEmpty()) {
            builder.include(FeatureBenchmark.class.getSimpleName()).include(EmbeddingBenchmark.class.getSimpleName());
        }
        Options options = builder.parent(commandLine).build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Double> millis = new HashMap<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            millis.put(name.substring(name.lastIndexOf('.') + 1), result.getPrimaryResult().getScore());
        }
        Double floor = millis.get("fftFloor");
        System.out.println();
        for (String embedder : new String[] {"defaultEmbedder", "onnxMiniLm"}) {
            Double ms = millis.remove(embedder);
            if (ms != null) {
                System.out.printf("%-22s %8.3f ms per song's lyrics = %7.0f lyrics per second per core%n", embedder, ms, 1000 / ms);
            }
        }
        if (millis.isEmpty()) {
            return;
        }
        System.out.println("per 30 s clip at 22,050 Hz, one thread:");
        millis.forEach((name, ms) -> System.out.printf("  %-22s %9.2f ms  %8.0f x real time%s%n", name, ms, 30_000 / ms,
                floor == null || name.equals("fftFloor") ? "" : String.format("  %.2f x the FFT floor", ms / floor)));
        if (floor != null && millis.containsKey("features")) {
            double ratio = millis.get("features") / floor;
            System.out.printf("features / FFT floor = %.2f (goal <= 1.5): %s%n", ratio, ratio <= 1.5 ? "met" : "NOT met");
        }
    }
}
