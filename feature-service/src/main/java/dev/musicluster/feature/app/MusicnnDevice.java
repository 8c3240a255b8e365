package dev.musicluster.feature.app;

import ai.djl.Device;
import ai.djl.engine.Engine;

/** Where the musicnn networks run. */
final class MusicnnDevice {

    static {
        // PyTorch's natives ship in a jar on the class path: DJL must never look for them on the network.
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }

    private static final String THREADS = "ai.djl.pytorch.num_threads";
    private static final String INTEROP_THREADS = "ai.djl.pytorch.num_interop_threads";

    private MusicnnDevice() {
    }

    /**
     * Songs are encoded by several workers at once: each gets its share of the cores for PyTorch's own threads, so
     * that two workers on two cores do not run four threads (measured: 2 × 2 threads on 2 cores thrash). An explicit
     * {@code ai.djl.pytorch.num_threads} wins. Must run before the engine starts.
     */
    static void shareCores(int workers) {
        if (System.getProperty(THREADS) == null) {
            int cores = Runtime.getRuntime().availableProcessors();
            System.setProperty(THREADS, Integer.toString(Math.max(1, cores / Math.max(1, workers))));
        }
        // A forward pass is one chain of operators: a second inter-op thread only competes with the intra-op ones
        // (measured: both networks on 20 patches, 2 threads, 1,577 ms with one inter-op thread, 1,997–2,043 with two).
        if (System.getProperty(INTEROP_THREADS) == null) {
            System.setProperty(INTEROP_THREADS, "1");
        }
    }

    /** {@code auto}, {@code cpu} or {@code gpu}; asking for a GPU PyTorch does not see is an error, not a fallback. */
    static Device of(String preference) {
        boolean gpu = Engine.getEngine("PyTorch").getGpuCount() > 0;
        if (preference.equals("gpu") && !gpu) {
            throw new IllegalStateException("musicluster.features.musicnn-device=gpu, and PyTorch sees no GPU");
        }
        if (!preference.equals("auto") && !preference.equals("cpu") && !preference.equals("gpu")) {
            throw new IllegalArgumentException("musicluster.features.musicnn-device must be auto, cpu or gpu, not " + preference);
        }
        return gpu && !preference.equals("cpu") ? Device.gpu() : Device.cpu();
    }
}
