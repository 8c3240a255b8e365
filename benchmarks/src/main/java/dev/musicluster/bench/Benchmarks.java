package dev.musicluster.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
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
            builder.include(FeatureBenchmark.class.getSimpleName()).include(EmbeddingBenchmark.class.getSimpleName())
                    .include(TrainingBenchmark.class.getSimpleName()).include(EncodingBenchmark.class.getSimpleName())
                    .include(ClusteringBenchmark.class.getSimpleName());
        }
        Options options = builder.parent(commandLine).build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Double> millis = new HashMap<>();
        Map<String, Double> training = new java.util.TreeMap<>();
        Map<String, Double> clustering = new java.util.TreeMap<>();
        Map<Integer, Double> encoding = new java.util.TreeMap<>();
        Map<String, Map<String, Double>> songs = new java.util.TreeMap<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            String method = name.substring(name.lastIndexOf('.') + 1);
            if (name.contains(SongAnalysisBenchmark.class.getSimpleName())) {
                songs.computeIfAbsent(result.getParams().getParam("format") + ", " + result.getParams().getParam("minutes") + " min, "
                                + result.getParams().getParam("precision") + ", " + result.getParams().getParam("facts"),
                        f -> new java.util.LinkedHashMap<>()).put(method, result.getPrimaryResult().getScore());
            } else if (name.contains(EncodingBenchmark.class.getSimpleName())) {
                encoding.put(Integer.parseInt(result.getParams().getParam("songsPerPass")), result.getPrimaryResult().getScore());
            } else if (name.contains(ClusteringBenchmark.class.getSimpleName())) {
                clustering.put(method + " " + result.getParams().getParam("n"), result.getPrimaryResult().getScore());
            } else if (name.contains(TrainingBenchmark.class.getSimpleName())) {
                training.put(result.getParams().getParam("model") + " " + method, result.getPrimaryResult().getScore());
            } else {
                millis.put(method, result.getPrimaryResult().getScore());
            }
        }
        printTraining(training);
        printEncoding(encoding);
        printClustering(clustering);
        songs.forEach(Benchmarks::printSongAnalysis);
        printAgainstBefore(songs);
        Double floor = millis.get("fftFloor");
        System.out.println();
        for (String embedder : new String[] {"defaultEmbedder", "onnxMiniLm"}) {
            Double ms = millis.remove(embedder);
            if (ms != null) {
                System.out.printf("%-22s %8.3f ms per song's lyrics = %7.0f lyrics per second per core%n", embedder, ms, 1000 / ms);
            }
        }
        if (millis.isEmpty() || !millis.containsKey("features") && !millis.containsKey("fftFloor")) {
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

    /** One song's steps, their shares, songs per hour per core, and decoding against one ffmpeg call. */
    private static void printSongAnalysis(String song, Map<String, Double> millis) {
        List<String> steps = List.of("decode", "features", "musicnnFrontEnd", "networks");
        if (!millis.keySet().containsAll(steps)) {
            return;
        }
        double total = steps.stream().mapToDouble(millis::get).sum();
        System.out.printf("%none song (%s), one thread:%n", song);
        steps.forEach(step -> System.out.printf("  %-16s %8.1f ms  %5.1f %%%n", step, millis.get(step), 100 * millis.get(step) / total));
        System.out.printf("  %-16s %8.1f ms  = %.0f songs per hour per core%n", "steps together", total, 3_600_000 / total);
        if (millis.containsKey("analysis")) {
            System.out.printf("  %-16s %8.1f ms  = %.0f songs per hour per core%n", "analysis", millis.get("analysis"),
                    3_600_000 / millis.get("analysis"));
        }
        for (String reference : new String[] {"ffmpegSoxrWhole", "ffmpegSoxrWindow"}) {
            if (millis.containsKey(reference)) {
                System.out.printf("  decode / %s = %.2f%n", reference, millis.get("decode") / millis.get(reference));
            }
        }
    }

    /** Each way's whole analysis against the one before issue 31 (float32, ffprobe) on the same file. */
    private static void printAgainstBefore(Map<String, Map<String, Double>> songs) {
        String before = ", float32, FFPROBE";
        songs.forEach((song, millis) -> {
            Map<String, Double> reference = songs.get(song.substring(0, song.indexOf(" min, ") + 4) + before);
            if (!song.endsWith(before) && reference != null && reference.containsKey("analysis") && millis.containsKey("analysis")) {
                System.out.printf("%s: analysis %.2f x as many songs per hour per core as before issue 31 (float32, ffprobe)%n",
                        song, reference.get("analysis") / millis.get("analysis"));
            }
        });
    }

    /** Per operation: the time at 10,000 and 100,000 points and how it grew (10× the points). */
    private static void printClustering(Map<String, Double> millis) {
        for (String operation : new String[] {"kmeans", "silhouetteExact", "silhouetteSampled"}) {
            Double small = millis.get(operation + " 10000");
            Double large = millis.get(operation + " 100000");
            if (small == null && large == null) {
                continue;
            }
            System.out.printf("%-18s n=10,000: %10.1f ms   n=100,000: %10.1f ms   growth %s%n", operation,
                    small == null ? Double.NaN : small, large == null ? Double.NaN : large,
                    small == null || large == null ? "-" : String.format("%.1fx (n^%.2f)", large / small, Math.log10(large / small)));
        }
    }

    /** Per model: an epoch's time, per song, the data pipeline's share, and what the second thread buys. */
    /** ms a song of the product's passes and of 256 songs a pass, measured in the same run. */
    private static void printEncoding(Map<Integer, Double> millis) {
        Double product = millis.get(0);
        if (product == null) {
            return;
        }
        System.out.printf("conv-vae encoding %d songs of 128 x 128 log-mel, two threads: %.3f ms a song%n", EncodingBenchmark.SONGS,
                product / EncodingBenchmark.SONGS);
        Double before = millis.get(256);
        if (before != null) {
            System.out.printf("  256 songs a pass (before): %.3f ms a song, %.2f x the product's%n", before / EncodingBenchmark.SONGS,
                    before / product);
        }
    }

    private static void printTraining(Map<String, Double> millis) {
        for (String model : new String[] {"vae", "vade", "conv-vae", "contrastive"}) {
            Double one = millis.get(model + " epoch1Thread");
            Double two = millis.get(model + " epoch2Threads");
            if (one == null && two == null) {
                continue;
            }
            System.out.printf("%s, one epoch over %d songs on the CPU:%n", model, TrainingBenchmark.SONGS);
            for (String threads : new String[] {"1Thread", "2Threads"}) {
                Double epoch = millis.get(model + " epoch" + threads);
                Double data = millis.get(model + " dataPipeline" + threads);
                if (epoch != null) {
                    System.out.printf("  %-9s %9.1f ms per epoch  %7.3f ms per song  data pipeline %s%n", threads, epoch,
                            epoch / TrainingBenchmark.SONGS,
                            data == null ? "-" : String.format("%.2f ms (%.1f%%), forward/backward %.1f ms", data, 100 * data / epoch, epoch - data));
                }
            }
            if (one != null && two != null) {
                System.out.printf("  2 threads vs 1: %.2fx faster%n", one / two);
            }
        }
    }
}
