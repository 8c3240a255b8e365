package dev.musicluster.feature.domain.musicnn;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One musicnn network's stored weights, read from its Keras HDF5 file with jHDF (no TensorFlow): each layer's
 * tensors under {@code model_weights/<layer>/<layer>/} ({@code kernel_1:0}, {@code gamma:0}...).
 * A tensor is addressed as {@code layer/kernel}, {@code layer/bias}, {@code layer/gamma}, {@code layer/beta},
 * {@code layer/moving_mean} or {@code layer/moving_variance}.
 */
public final class MusicnnWeights {

    /** A tensor: its shape as stored (Keras: kernel-time, kernel-frequency, in, out) and its values, row-major. */
    public record Tensor(int[] shape, float[] values) {
    }

    private final String name;
    private final String sha256;
    private final Map<String, Tensor> tensors;

    private MusicnnWeights(String name, String sha256, Map<String, Tensor> tensors) {
        this.name = name;
        this.sha256 = sha256;
        this.tensors = tensors;
    }

    /** Reads one of the networks shipped with the service ({@code MSD} or {@code MTT}). */
    public static MusicnnWeights bundled(String network) {
        String resource = "/musicnn/" + network + "_musicnn.h5";
        try (InputStream in = MusicnnWeights.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the musicnn weights " + resource + " are not on the class path");
            }
            return read(network, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    public static MusicnnWeights read(String name, byte[] file) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        try (HdfFile hdf = HdfFile.fromBytes(file)) {
            Node root = hdf.getByPath("model_weights");
            if (!(root instanceof Group layers)) {
                throw new IllegalArgumentException(name + ": no model_weights group: not a Keras weights file");
            }
            for (Node layer : layers.getChildren().values()) {
                collect(name, layer.getName(), layer, tensors);
            }
        }
        return new MusicnnWeights(name, sha256(file), tensors);
    }

    /** Every float tensor below a layer's group (Keras nests them once more, under the layer's name). */
    private static void collect(String file, String layer, Node node, Map<String, Tensor> into) {
        if (node instanceof Group group) {
            group.getChildren().values().forEach(child -> collect(file, layer, child, into));
        } else if (node instanceof Dataset dataset) {
            if (dataset.getJavaType() != float.class) {
                throw new IllegalArgumentException(file + ": " + dataset.getPath() + " is not a float32 tensor");
            }
            into.put(layer + "/" + role(dataset.getName()), new Tensor(dataset.getDimensions(), (float[]) dataset.getDataFlat()));
        }
    }

    /** {@code kernel_1:0} → {@code kernel}. */
    private static String role(String weightName) {
        String last = weightName.substring(weightName.lastIndexOf('/') + 1);
        last = last.substring(0, last.indexOf(':') < 0 ? last.length() : last.indexOf(':'));
        return last.endsWith("_1") ? last.substring(0, last.length() - 2) : last;
    }

    public String name() {
        return name;
    }

    /** The file's SHA-256: which weights an embedding came from. */
    public String sha256() {
        return sha256;
    }

    /** The tensor, checked against the shape the network expects. */
    public Tensor tensor(String key, int... expectedShape) {
        Tensor tensor = tensors.get(key);
        if (tensor == null) {
            throw new IllegalArgumentException(name + ": no weight " + key + " in the file");
        }
        if (!Arrays.equals(tensor.shape(), expectedShape)) {
            throw new IllegalArgumentException(name + ": " + key + " has shape " + Arrays.toString(tensor.shape()) + ", expected "
                    + Arrays.toString(expectedShape));
        }
        return tensor;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
