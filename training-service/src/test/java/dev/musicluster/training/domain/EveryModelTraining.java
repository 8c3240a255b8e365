package dev.musicluster.training.domain;

import ai.djl.Device;
import dev.musicluster.training.domain.data.TrainingSet;
import dev.musicluster.training.domain.model.HyperParameters;
import dev.musicluster.training.domain.model.ModelKind;
import dev.musicluster.training.domain.model.ModelSpec;
import dev.musicluster.training.domain.network.EpochResult;
import dev.musicluster.training.domain.network.NetworkTraining;
import dev.musicluster.training.domain.network.TrainedNetwork;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Trains every model kind small, on the CPU with one seed, and writes what came of each: one line per model with its
 * per-epoch losses and its latents as exact float bits, or the reason it failed. Run in a child JVM by
 * {@link TrainingDeterminismTest}, under different {@code MALLOC_PERTURB_} values, so that memory nobody wrote holds
 * different bytes in each.
 */
public final class EveryModelTraining {

    /** Each variant trained: the model kind and the hyper-parameters that make it that variant. */
    static final Map<String, Map<String, String>> VARIANTS = variants();

    private EveryModelTraining() {
    }

    public static void main(String[] args) throws IOException {
        TrainingSet songs = SyntheticSongs.generate(48, 32, 7);
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Map<String, String>> variant : VARIANTS.entrySet()) {
            out.append(variant.getKey()).append(' ').append(train(variant.getValue(), songs)).append('\n');
        }
        Files.writeString(Path.of(args[0]), out, StandardCharsets.UTF_8);
    }

    private static String train(Map<String, String> overrides, TrainingSet songs) {
        Map<String, String> settings = new HashMap<>(Map.of("epochs", "3", "batch", "16", "latent", "8", "mel-frames", "32",
                "song-frames", "32", "crop-frames", "16", "crop-pairs", "2", "lr", "0.002"));
        settings.putAll(overrides);
        ModelKind kind = ModelKind.of(settings.remove("model"));
        HyperParameters hp = HyperParameters.of(settings);
        StringBuilder line = new StringBuilder();
        try (TrainedNetwork network = NetworkTraining.fit(ModelSpec.of(kind, hp), hp, songs, Device.cpu(), e -> { })) {
            for (EpochResult epoch : network.history()) {
                line.append("loss=").append(Double.doubleToRawLongBits(epoch.loss())).append(' ');
            }
            for (float[] latent : network.encode(songs)) {
                for (float value : latent) {
                    line.append(Float.isFinite(value) ? Integer.toHexString(Float.floatToRawIntBits(value)) : "NON-FINITE").append(',');
                }
            }
        } catch (RuntimeException e) {
            return "FAILED " + e.getMessage();
        }
        return line.toString();
    }

    private static Map<String, Map<String, String>> variants() {
        Map<String, Map<String, String>> variants = new LinkedHashMap<>();
        for (ModelKind kind : ModelKind.values()) {
            // musicnn is not trained here: nothing native runs for it.
            if (kind != ModelKind.MUSICNN) {
                variants.put(kind.id(), Map.of("model", kind.id()));
            }
        }
        variants.put("hybrid-vae-log-mel", Map.of("model", "hybrid-vae", "hybrid-audio", "log-mel"));
        return variants;
    }
}
