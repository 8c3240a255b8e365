package dev.musicluster.training.domain.network;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import dev.musicluster.training.domain.data.Normalisation;
import dev.musicluster.training.domain.data.ScaledInputs;
import dev.musicluster.training.domain.data.TrainingSet;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A trained member of the family with the normalisation it was trained with: encodes songs to their latent means,
 * reconstructs them, and saves to and restores from bytes (DJL's parameter format).
 */
public final class TrainedNetwork implements SongEncoder {

    /**
     * Input values per inference pass: 32 songs of a 128 × 128 log-mel, fewer of longer spectrograms. A pass's
     * intermediate tensors must stay below glibc's mmap threshold (32 MiB at most), where malloc hands the same memory
     * back pass after pass; above it every tensor is fresh mmapped memory, and the kernel faults it in page by page.
     * With 256 songs a pass, conv-vae took 3.3 ms a song, 430 page faults each (85 % of the time); with 32, 0.49 ms and
     * none (1,000 songs, two cores). The latents were the same to the bit at 32 and 256 songs a pass; a smaller pass
     * (the last of a set) can differ in the last bits, as the kernels choose their code by shape.
     */
    static final int INFERENCE_VALUES = 32 * 128 * 128;

    private final Model model;
    private final FamilyNetwork network;
    private final Normalisation normalisation;
    private final List<EpochResult> history;

    TrainedNetwork(Model model, FamilyNetwork network, Normalisation normalisation, List<EpochResult> history) {
        this.model = model;
        this.network = network;
        this.normalisation = normalisation;
        this.history = List.copyOf(history);
    }

    /** Rebuilds the network from its shape and loads its parameters. */
    public static TrainedNetwork restore(NetworkShape shape, Normalisation normalisation, byte[] parameters, Device device) {
        Model model = Model.newInstance(shape.spec().kind().id(), device, Devices.ENGINE);
        FamilyNetwork network = FamilyNetwork.of(shape);
        model.setBlock(network);
        network.initialize(model.getNDManager(), DataType.FLOAT32, shape.inputShapes(2));
        try {
            network.loadParameters(model.getNDManager(), new DataInputStream(new ByteArrayInputStream(parameters)));
        } catch (IOException | MalformedModelException e) {
            model.close();
            throw new IllegalArgumentException("the stored parameters do not fit a " + shape.spec().kind().id() + " of this shape", e);
        }
        return new TrainedNetwork(model, network, normalisation, List.of());
    }

    public NetworkShape shape() {
        return network.shape();
    }

    public Normalisation normalisation() {
        return normalisation;
    }

    public List<EpochResult> history() {
        return history;
    }

    public Device device() {
        return model.getNDManager().getDevice();
    }

    /** The latent mean of every song of the set, one row per song. */
    public float[][] encode(TrainingSet set) {
        return encode(set, songsPerPass());
    }

    /** As {@link #encode(TrainingSet)}, {@code songsPerPass} songs through the network at once (the same latents). */
    public float[][] encode(TrainingSet set, int songsPerPass) {
        if (songsPerPass < 1) {
            throw new IllegalArgumentException("at least 1 song a pass, not " + songsPerPass);
        }
        int latent = shape().spec().latent();
        float[][] means = new float[set.size()][];
        infer(set, songsPerPass, network::encode, (from, outputs) -> {
            float[] flat = outputs.toFloatArray();
            for (int i = 0; i < flat.length / latent; i++) {
                means[from + i] = java.util.Arrays.copyOfRange(flat, i * latent, (i + 1) * latent);
            }
        });
        return means;
    }

    /**
     * The audio input of every song as the network reconstructs it from its latent mean, back in the input's units
     * (decibels for the log-mel, the summary's own units otherwise), row-major, one song after the other.
     */
    public float[] reconstructAudio(TrainingSet set) {
        if (!shape().spec().reconstructs()) {
            throw new IllegalStateException("the " + shape().spec().kind().id() + " model has no decoder: it does not reconstruct songs");
        }
        int width = shape().audioWidth();
        float[] out = new float[set.size() * width];
        infer(set, songsPerPass(), (parameters, batch) -> network.forward(parameters, batch, false).get(0), (from, outputs) -> {
            float[] flat = outputs.toFloatArray();
            System.arraycopy(flat, 0, out, from * width, flat.length);
        });
        return shape().spec().input().usesLogMel()
                ? normalisation.logMel().invert(out, shape().frames())
                : normalisation.summary().invert(out, 1);
    }

    private int songsPerPass() {
        return Math.max(1, Math.min(256, INFERENCE_VALUES / shape().audioWidth()));
    }

    /** Runs {@code inference} (the latents alone, or the reconstruction) batch by batch. */
    private void infer(TrainingSet set, int batchSongs, BiFunction<ParameterStore, NDList, NDArray> inference, BatchSink sink) {
        ScaledInputs scaled = normalisation.scale(set);
        try (NDManager manager = model.getNDManager().newSubManager()) {
            InputTensors tensors = new InputTensors(shape(), scaled, manager);
            ParameterStore parameters = new ParameterStore(manager, false);
            for (int from = 0; from < set.size(); from += batchSongs) {
                try (NDManager batchManager = manager.newSubManager()) {
                    NDList batch = tensors.range(from, Math.min(set.size(), from + batchSongs), batchManager);
                    sink.accept(from, inference.apply(parameters, batch));
                }
            }
        }
    }

    /** The parameters in DJL's format, running batch-norm statistics included. */
    public byte[] parameters() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            network.saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() {
        model.close();
    }

    @FunctionalInterface
    private interface BatchSink {
        void accept(int from, NDArray outputs);
    }
}
