package dev.musicluster.training.domain.network;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** Where training runs: a GPU when PyTorch sees one (the cuda build), else the CPU; or as configured. */
public final class Devices {

    public static final String ENGINE = "PyTorch";
    /** DJL's setting of PyTorch's intra-op threads, read when the engine starts. */
    private static final String THREADS = "ai.djl.pytorch.num_threads";

    static {
        // The native library ships in a jar on the class path; never look for one on the network.
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        // PyTorch's intra-op threads default to every core OpenMP sees: a container's node, not its CPU limit. The JVM's
        // count follows the limit (and -XX:ActiveProcessorCount). The count is also part of what a model is: oneDNN
        // splits a convolution's weight gradient into one partial sum per thread, so 1 and 2 threads train two
        // different models from one seed (docs/training.md). Hence set here, and recorded in every provenance.
        if (System.getProperty(THREADS) == null) {
            System.setProperty(THREADS, Integer.toString(Runtime.getRuntime().availableProcessors()));
        }
    }

    private Devices() {
    }

    /** {@code auto}, {@code cpu} or {@code gpu}; {@code gpu} without one is an error, not a silent fallback. */
    public static Device pick(String preference) {
        int gpus = engine().getGpuCount();
        return switch (preference) {
            case "auto" -> gpus > 0 ? Device.gpu() : Device.cpu();
            case "cpu" -> Device.cpu();
            case "gpu" -> {
                if (gpus == 0) {
                    throw new IllegalStateException("a GPU was asked for and PyTorch sees none (build with -Pcuda on a CUDA machine)");
                }
                yield Device.gpu();
            }
            default -> throw new IllegalArgumentException("device must be auto, cpu or gpu, not " + preference);
        };
    }

    public static Engine engine() {
        return Engine.getEngine(ENGINE);
    }

    /** PyTorch's intra-op threads: with the seed and the machine, what decides the model trained on the CPU. */
    public static int threads() {
        engine();
        return JniUtils.getNumThreads();
    }

    /**
     * The processor, as the kernel names it, with its family and model: oneDNN and ATen choose their code by
     * instruction set, so a seed gives one model per kind of CPU (docs/training.md).
     */
    public static String cpu() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            Map<String, String> fields = new LinkedHashMap<>();
            lines.takeWhile(line -> !line.isBlank()).map(line -> line.split("\\s*:\\s*", 2)).filter(kv -> kv.length == 2)
                    .forEach(kv -> fields.putIfAbsent(kv[0], kv[1]));
            return fields.getOrDefault("model name", System.getProperty("os.arch")) + " (family " + fields.getOrDefault("cpu family", "?")
                    + ", model " + fields.getOrDefault("model", "?") + ")";
        } catch (IOException | UncheckedIOException e) {
            return System.getProperty("os.arch");
        }
    }

    /** Library versions and device for a run's provenance. */
    public static String describe(Device device) {
        return device + " (DJL " + Engine.getDjlVersion() + ", PyTorch " + engine().getVersion() + ")";
    }
}
