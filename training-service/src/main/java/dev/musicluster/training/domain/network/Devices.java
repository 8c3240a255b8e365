package dev.musicluster.training.domain.network;

import ai.djl.Device;
import ai.djl.engine.Engine;

/** Where training runs: a GPU when PyTorch sees one (the cuda build), else the CPU; or as configured. */
public final class Devices {

    public static final String ENGINE = "PyTorch";

    static {
        // The native library ships in a jar on the class path; never look for one on the network.
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
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

    /** Library versions and device for a run's provenance. */
    public static String describe(Device device) {
        return device + " (DJL " + Engine.getDjlVersion() + ", PyTorch " + engine().getVersion() + ")";
    }
}
