package dev.musicluster.training.domain;

import ai.djl.Device;
import dev.musicluster.training.domain.data.TrainingSet;
import dev.musicluster.training.domain.model.HyperParameters;
import dev.musicluster.training.domain.model.ModelKind;
import dev.musicluster.training.domain.model.ModelSpec;
import dev.musicluster.training.domain.network.Devices;
import dev.musicluster.training.domain.network.EpochResult;
import dev.musicluster.training.domain.network.NetworkTraining;
import dev.musicluster.training.domain.network.TrainedNetwork;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Trains every model kind on the CPU with one seed, under {@link GarbageCollectionPressure}, and writes what came of
 * each: one line per model with its per-epoch losses as exact bits, a digest of its latents' bits and how many of them
 * are not finite, or the reason it failed.
 * The spectrogram models train at the main job's own shapes (the demo corpus's 60 songs, 128 × 128 log-mel, the
 * defaults' batch, latent and learning rate, PyTorch's threads as the training service sets them): oneDNN picks its
 * kernels by shape and by CPU, so small shapes alone do not reach what the product runs. Every kind also trains small.
 * Run in child JVMs by {@link TrainingDeterminismTest}, under different {@code MALLOC_PERTURB_} values.
 *
 * <p>Arguments: the output file, then the epochs of the spectrogram models at the product's shapes (the suite trains
 * a few; the full check every epoch of the defaults).
 */
public final class EveryModelTraining {

    /** The demo corpus: 60 songs, each log-mel pooled to the default 128 frames. */
    static final int PRODUCT_SONGS = 60;
    static final int PRODUCT_FRAMES = 128;

    private EveryModelTraining() {
    }

    /** Each variant trained: its model kind, the hyper-parameters that make it that variant, and its songs. */
    record Variant(Map<String, String> settings, boolean productShapes) {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int productEpochs = Integer.parseInt(args[1]);
        TrainingSet small = SyntheticSongs.generate(48, 32, 7);
        TrainingSet product = SyntheticSongs.generate(PRODUCT_SONGS, PRODUCT_FRAMES, 7);
        StringBuilder out = new StringBuilder();
        try (GarbageCollectionPressure pressure = GarbageCollectionPressure.start()) {
            for (Map.Entry<String, Variant> variant : variants(productEpochs).entrySet()) {
                long start = System.nanoTime();
                String result = train(variant.getValue().settings(), variant.getValue().productShapes() ? product : small);
                out.append(variant.getKey()).append(' ').append(result).append('\n');
                System.out.printf("%-26s %6.1f s, %d forced collections so far, %d PyTorch threads%n", variant.getKey(),
                        (System.nanoTime() - start) / 1e9, pressure.collections(), Devices.threads());
            }
        }
        Files.writeString(Path.of(args[0]), out, StandardCharsets.UTF_8);
    }

    /** "loss=BITS ... latents=SHA-256 non-finite=N", the losses per epoch and the latents exactly; or "FAILED reason". */
    private static String train(Map<String, String> variant, TrainingSet songs) {
        Map<String, String> settings = new HashMap<>(variant);
        ModelKind kind = ModelKind.of(settings.remove("model"));
        HyperParameters hp = HyperParameters.of(settings);
        StringBuilder line = new StringBuilder();
        try (TrainedNetwork network = NetworkTraining.fit(ModelSpec.of(kind, hp), hp, songs, Device.cpu(), e -> { })) {
            for (EpochResult epoch : network.history()) {
                line.append("loss=").append(Long.toHexString(Double.doubleToRawLongBits(epoch.loss()))).append(' ');
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            int nonFinite = 0;
            for (float[] latent : network.encode(songs)) {
                ByteBuffer bits = ByteBuffer.allocate(latent.length * Float.BYTES);
                for (float value : latent) {
                    bits.putFloat(value);
                    nonFinite += Float.isFinite(value) ? 0 : 1;
                }
                digest.update(bits.array());
            }
            line.append("latents=").append(HexFormat.of().formatHex(digest.digest())).append(" non-finite=").append(nonFinite);
        } catch (RuntimeException e) {
            return "FAILED " + e.getMessage();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return line.toString();
    }

    static Map<String, Variant> variants(int productEpochs) {
        Map<String, Variant> variants = new LinkedHashMap<>();
        String epochs = Integer.toString(productEpochs);
        variants.put("conv-vae@product", new Variant(Map.of("model", "conv-vae", "epochs", epochs), true));
        variants.put("beta-vae@product", new Variant(Map.of("model", "beta-vae", "epochs", epochs), true));
        variants.put("hybrid-vae-log-mel@product", new Variant(Map.of("model", "hybrid-vae", "hybrid-audio", "log-mel", "epochs", epochs), true));
        Map<String, String> small = Map.of("epochs", "3", "batch", "16", "latent", "8", "mel-frames", "32",
                "song-frames", "32", "crop-frames", "16", "crop-pairs", "2", "lr", "0.002");
        for (ModelKind kind : ModelKind.values()) {
            // musicnn is not trained here: nothing native runs for it.
            if (kind != ModelKind.MUSICNN) {
                variants.put(kind.id(), new Variant(with(small, "model", kind.id()), false));
            }
        }
        variants.put("hybrid-vae-log-mel", new Variant(with(with(small, "model", "hybrid-vae"), "hybrid-audio", "log-mel"), false));
        return variants;
    }

    private static Map<String, String> with(Map<String, String> settings, String key, String value) {
        Map<String, String> copy = new HashMap<>(settings);
        copy.put(key, value);
        return copy;
    }
}
