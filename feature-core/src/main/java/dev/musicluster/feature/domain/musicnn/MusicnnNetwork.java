package dev.musicluster.feature.domain.musicnn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One musicnn tagger (Pons and Serra, 2019) for inference on DJL's PyTorch engine, written from its specification
 * (docs/musicnn.md): a timbral and a temporal convolutional front end over a 187 × 96 log-mel patch, a residual
 * mid end, max and mean pooling over time, a dense embedding (200) and 50 sigmoid tag outputs. Every batch norm
 * uses its stored moving statistics, folded into a scale and a shift. Thread-safe: each call works in its own
 * sub-manager; the weights are read-only.
 *
 * <p>In {@link MusicnnPrecision#BFLOAT16} every convolution runs in bfloat16 and reads its input rearranged so that
 * oneDNN's bfloat16 kernels have channels to multiply: a front-end convolution of width k over one channel becomes one
 * of width 1 over k shifted copies of the patch ({@link Input#FREQUENCY_TAPS}, {@link Input#TIME_TAPS}), and the mid
 * end reads the front end's 561 outputs as channels. Over one channel the bfloat16 kernel was slower than float32 and
 * wrong (embeddings at cosine 0.72–0.96 of float32's); rearranged, every layer multiplies what it did in float32
 * (docs/musicnn.md, "Precision").
 */
public final class MusicnnNetwork implements AutoCloseable {

    public static final int PATCH_FRAMES = 187;
    public static final int EMBEDDING = 200;
    public static final int TAGS = 50;
    private static final int BANDS = MusicnnInput.BANDS;
    private static final float EPSILON = 1e-3f;
    private static final int FRONT_END = 561;
    private static final int MID_END = 64;
    private static final Shape ONE = new Shape(1, 1);

    private final NDManager manager;
    private final String name;
    private final MusicnnPrecision precision;
    /** Present in bfloat16 only. */
    private final BFloat16Cast bfloat16;
    private final BatchNorm input;
    private final Conv[] timbral;
    private final Conv[] temporal;
    private final Conv[] midEnd;
    private final BatchNorm pooled;
    private final NDArray denseKernel;
    private final NDArray denseBias;
    private final BatchNorm dense;
    private final NDArray tagKernel;
    private final NDArray tagBias;

    /** How a convolution reads its input. */
    private enum Input {
        /** The patch as one channel (a front-end layer in float32), or the front end's outputs as one (the mid end's). */
        ONE_CHANNEL,
        /** A timbral kernel's k frequency bands as k channels of shifted patches, the kernel 7 × 1 ({@link PatchTaps}). */
        FREQUENCY_TAPS,
        /** A temporal kernel's frames, 16 consecutive ones as channels, the rest by a dilation of 16 ({@link PatchTaps}). */
        TIME_TAPS,
        /** The mid end's input channels as channels, time along the width. */
        CHANNELS
    }

    /**
     * A convolution with its stored kernel laid out for its {@code input}, its padding, dilation and batch norm.
     * {@code sign} is +1 or -1 per filter, the sign of its batch norm's scale; a front-end kernel and bias are stored
     * multiplied by it ({@link #maxOverFrequency}). {@code frames} is the kernel's length in time.
     */
    private record Conv(NDArray weight, NDArray bias, Input input, int frequency, int frames, Shape padding, Shape dilation,
                        boolean dropFirstFrame, BatchNorm norm, NDArray sign) {
    }

    /** y = x · scale + shift along one axis of a tensor of the given rank. */
    private record BatchNorm(NDArray scale, NDArray shift) {
        NDArray apply(NDArray x) {
            return x.mul(scale).add(shift);
        }

        /** gamma / sqrt(variance + epsilon): the stored statistics as one factor per channel. */
        static float[] scale(MusicnnWeights weights, String layer, int width) {
            float[] gamma = weights.tensor(layer + "/gamma", width).values();
            float[] variance = weights.tensor(layer + "/moving_variance", width).values();
            float[] scale = new float[width];
            for (int c = 0; c < width; c++) {
                scale[c] = (float) (gamma[c] / Math.sqrt(variance[c] + EPSILON));
            }
            return scale;
        }
    }

    /** In float32, as published. */
    public MusicnnNetwork(MusicnnWeights weights, Device device) {
        this(weights, device, MusicnnPrecision.FLOAT32);
    }

    public MusicnnNetwork(MusicnnWeights weights, Device device, MusicnnPrecision precision) {
        this.name = weights.name();
        this.precision = precision;
        this.manager = NDManager.newBaseManager(device, "PyTorch");
        try {
            bfloat16 = precision == MusicnnPrecision.BFLOAT16 ? new BFloat16Cast(device) : null;
            input = batchNorm(weights, "batch_normalization", 1, new Shape(1, 1, 1, 1));
            timbral = new Conv[] {
                conv(weights, "conv2d", "batch_normalization_1", 7, 38, 1, 204, new Shape(3, 0), false),
                conv(weights, "conv2d_1", "batch_normalization_2", 7, 67, 1, 204, new Shape(3, 0), false),
            };
            // TensorFlow's "same" padding of an even kernel k puts k/2 - 1 zeros before and k/2 after: pad k/2 on both
            // sides and drop the first output frame.
            temporal = new Conv[] {
                conv(weights, "conv2d_2", "batch_normalization_3", 128, 1, 1, 51, new Shape(64, 0), true),
                conv(weights, "conv2d_3", "batch_normalization_4", 64, 1, 1, 51, new Shape(32, 0), true),
                conv(weights, "conv2d_4", "batch_normalization_5", 32, 1, 1, 51, new Shape(16, 0), true),
            };
            midEnd = new Conv[] {
                conv(weights, "midend_conv1", "bn_midend_conv1", 7, FRONT_END, 1, MID_END, new Shape(3, 0), false),
                conv(weights, "midend_conv2", "bn_midend_conv2", 7, MID_END, 1, MID_END, new Shape(3, 0), false),
                conv(weights, "midend_conv3", "bn_midend_conv3", 7, MID_END, 1, MID_END, new Shape(3, 0), false),
            };
            int features = 2 * (FRONT_END + 3 * MID_END);
            pooled = batchNorm(weights, "bn_flatpool", features, new Shape(1, features));
            denseKernel = array(weights.tensor("dense/kernel", features, EMBEDDING));
            denseBias = array(weights.tensor("dense/bias", EMBEDDING));
            dense = batchNorm(weights, "bn_dense", EMBEDDING, new Shape(1, EMBEDDING));
            tagKernel = array(weights.tensor("dense_1/kernel", EMBEDDING, TAGS));
            tagBias = array(weights.tensor("dense_1/bias", TAGS));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** One patch's or many patches' outputs: {@code embeddings} (patches × 200) before any activation, {@code tags} (patches × 50). */
    public record Output(float[] embeddings, float[] tags) {
    }

    public String name() {
        return name;
    }

    public MusicnnPrecision precision() {
        return precision;
    }

    /**
     * @param patches {@code count} log-mel patches of 187 × 96 values (frame-major), one after the other
     */
    public Output forward(float[] patches, int count) {
        if (patches.length != count * PATCH_FRAMES * BANDS) {
            throw new IllegalArgumentException(patches.length + " values are not " + count + " patches of " + PATCH_FRAMES + " × " + BANDS);
        }
        try (NDManager batch = manager.newSubManager()) {
            // Channels last: a (patches, frames, bands, 1) tensor seen as (patches, 1, frames, bands). oneDNN then writes
            // each convolution's output as it computes it (NHWC), where a plain layout costs a reorder of the largest
            // tensors of the network from its blocked one: 15 % of the front end's time.
            NDArray x = input.apply(batch.create(patches, new Shape(count, PATCH_FRAMES, BANDS, 1)));
            List<NDArray> frontEnd = new ArrayList<>();
            if (bfloat16 == null) {
                NDArray oneChannel = x.transpose(0, 3, 1, 2);
                for (Conv conv : timbral) {
                    frontEnd.add(maxOverFrequency(oneChannel, conv));
                }
                for (Conv conv : temporal) {
                    frontEnd.add(maxOverFrequency(oneChannel, conv));
                }
            } else {
                NDArray low = bfloat16.apply(x);
                for (Conv conv : timbral) {
                    frontEnd.add(maxOverFrequency(PatchTaps.frequency(low, conv.frequency()), conv));
                }
                NDArray taps = bfloat16.apply(PatchTaps.time(x));
                for (Conv conv : temporal) {
                    frontEnd.add(maxOverFrequency(PatchTaps.timeWindow(taps, conv.frames()), conv));
                }
            }
            // (patches, time, channels), as the mid end reads every channel of 7 frames.
            NDArray e = NDArrays.concat(new NDList(frontEnd), 2);
            NDArray m1 = midEnd(e, midEnd[0]);
            NDArray m2 = midEnd(m1, midEnd[1]).add(m1);
            NDArray m3 = midEnd(m2, midEnd[2]).add(m2);
            NDArray all = NDArrays.concat(new NDList(e, m1, m2, m3), 2);
            // max₀, mean₀, max₁, mean₁, ...
            NDArray pool = NDArrays.stack(new NDList(all.max(new int[] {1}), all.mean(new int[] {1})), 2)
                    .reshape(count, 2 * all.getShape().get(2));
            NDArray embedding = pooled.apply(pool).matMul(denseKernel).add(denseBias);
            NDArray tags = Activation.sigmoid(dense.apply(Activation.relu(embedding)).matMul(tagKernel).add(tagBias));
            return new Output(embedding.toFloatArray(), tags.toFloatArray());
        }
    }

    /**
     * conv, ReLU, batch norm, then the maximum over what is left of the frequency axis: (patches, time, filters).
     * ReLU and the norm (y · s + b per filter) are monotone, so the maximum is taken first, on the convolution's
     * output, and they run on a tensor 30 to 96 times smaller: max(s · relu(y) + b) = s · relu(max y) + b where
     * s > 0, and s · relu(-max(-y)) + b where s < 0, hence the kernel stored times the sign of s. The same values,
     * without three passes over the largest tensors of the network (a third of its time).
     */
    private NDArray maxOverFrequency(NDArray x, Conv conv) {
        NDArray y = Conv2d.conv2d(x, conv.weight(), conv.bias(), ONE, conv.padding(), conv.dilation(), 1).singletonOrThrow();
        // Max pooling over the whole frequency axis, not max(axis): DJL's max(axis) is PyTorch's max(dim), which
        // finds the indices too, 5-8 times slower here (half a second a song). The pooled output is channels last,
        // so (patches, filters, time, 1) seen as (patches, time, filters) is its memory as it is. In bfloat16 the
        // maximum is taken there too (it rounds nothing), and only its 30 to 96 times smaller result is widened.
        long width = y.getShape().get(3);
        NDArray max = toFloat32(Pool.maxPool2d(y, new Shape(1, width), new Shape(1, width), new Shape(0, 0), false)).squeeze(3).transpose(0, 2, 1);
        if (conv.dropFirstFrame()) {
            max = max.get(":, 1:, :");
        }
        return conv.norm().apply(Activation.relu(max.mul(conv.sign())));
    }

    private NDArray toFloat32(NDArray x) {
        return bfloat16 == null ? x : bfloat16.apply(x);
    }

    /** conv over 7 frames × every channel, ReLU, batch norm: (patches, time, 64). */
    private NDArray midEnd(NDArray x, Conv conv) {
        Shape shape = x.getShape();
        NDArray y;
        if (conv.input() == Input.CHANNELS) {
            // (patches, time, channels) seen as (patches, channels, 1, time), channels last: x's memory as it is.
            NDArray in = bfloat16.apply(x.reshape(shape.get(0), 1, shape.get(1), shape.get(2)).transpose(0, 3, 1, 2));
            y = Conv2d.conv2d(in, conv.weight(), conv.bias(), ONE, conv.padding(), ONE, 1).singletonOrThrow();
            y = toFloat32(y).transpose(0, 2, 3, 1).reshape(shape.get(0), shape.get(1), MID_END);
        } else {
            y = Conv2d.conv2d(x.expandDims(1), conv.weight(), conv.bias(), ONE, conv.padding(), ONE, 1).singletonOrThrow();
            y = y.reshape(shape.get(0), MID_END, shape.get(1)).transpose(0, 2, 1);
        }
        return conv.norm().apply(Activation.relu(y));
    }

    private Conv conv(MusicnnWeights weights, String layer, String norm, int time, int frequency, int in, int out, Shape padding,
                      boolean dropFirstFrame) {
        float[] kernel = toPyTorch(weights.tensor(layer + "/kernel", time, frequency, in, out).values(), time, frequency, in, out);
        float[] bias = weights.tensor(layer + "/bias", out).values();
        boolean frontEnd = !layer.startsWith("midend");
        float[] sign = new float[out];
        Arrays.fill(sign, 1f);
        if (frontEnd) {
            float[] scale = BatchNorm.scale(weights, norm, out);
            int perFilter = in * time * frequency;
            for (int o = 0; o < out; o++) {
                sign[o] = scale[o] < 0 ? -1f : 1f;
                bias[o] *= sign[o];
                for (int i = o * perFilter; i < (o + 1) * perFilter; i++) {
                    kernel[i] *= sign[o];
                }
            }
        }
        // Every norm acts on (patches, time, channels): the front end's after its maximum over frequency.
        Shape normShape = new Shape(1, 1, out);
        Input input = bfloat16 == null ? Input.ONE_CHANNEL : !frontEnd ? Input.CHANNELS : frequency > 1 ? Input.FREQUENCY_TAPS : Input.TIME_TAPS;
        // Every kernel has one input channel, so its (out, 1, time, frequency) values are (out, time, frequency): each
        // layout below is a view of them, channels last.
        NDArray weight = switch (input) {
            case ONE_CHANNEL -> frontEnd ? manager.create(kernel, new Shape(out, time, frequency, in)).transpose(0, 3, 1, 2)
                    : manager.create(kernel, new Shape(out, in, time, frequency));
            case FREQUENCY_TAPS -> manager.create(kernel, new Shape(out, time, 1, frequency)).transpose(0, 3, 1, 2);
            case TIME_TAPS -> manager.create(kernel, new Shape(out, time / PatchTaps.TIME_TAPS, 1, PatchTaps.TIME_TAPS)).transpose(0, 3, 1, 2);
            case CHANNELS -> manager.create(kernel, new Shape(out, 1, time, frequency)).transpose(0, 3, 1, 2);
        };
        NDArray biasArray = manager.create(bias);
        if (input != Input.ONE_CHANNEL) {
            weight = narrowed(weight);
            biasArray = narrowed(biasArray);
        }
        Shape dilation = input == Input.TIME_TAPS ? new Shape(PatchTaps.TIME_TAPS, 1) : ONE;
        Shape laidOut = switch (input) {
            case ONE_CHANNEL, FREQUENCY_TAPS -> padding;
            case TIME_TAPS -> new Shape(0, 0);
            case CHANNELS -> new Shape(0, padding.get(0));
        };
        return new Conv(weight, biasArray, input, frequency, time, laidOut, dilation, dropFirstFrame,
                batchNorm(weights, norm, out, normShape), manager.create(sign, normShape));
    }

    /** The tensor in bfloat16, its float32 copy freed. */
    private NDArray narrowed(NDArray wide) {
        NDArray narrow = bfloat16.apply(wide);
        wide.close();
        return narrow;
    }

    /** Keras's (time, frequency, in, out) kernel as PyTorch's contiguous (out, in, time, frequency). */
    private static float[] toPyTorch(float[] kernel, int time, int frequency, int in, int out) {
        float[] permuted = new float[kernel.length];
        for (int t = 0; t < time; t++) {
            for (int f = 0; f < frequency; f++) {
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < out; o++) {
                        permuted[((o * in + i) * time + t) * frequency + f] = kernel[((t * frequency + f) * in + i) * out + o];
                    }
                }
            }
        }
        return permuted;
    }

    private BatchNorm batchNorm(MusicnnWeights weights, String layer, int width, Shape broadcast) {
        float[] beta = weights.tensor(layer + "/beta", width).values();
        float[] mean = weights.tensor(layer + "/moving_mean", width).values();
        float[] scale = BatchNorm.scale(weights, layer, width);
        float[] shift = new float[width];
        for (int c = 0; c < width; c++) {
            shift[c] = (float) (beta[c] - mean[c] * (double) scale[c]);
        }
        return new BatchNorm(manager.create(scale, broadcast), manager.create(shift, broadcast));
    }

    private NDArray array(MusicnnWeights.Tensor tensor) {
        long[] shape = new long[tensor.shape().length];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = tensor.shape()[i];
        }
        return manager.create(tensor.values(), new Shape(shape));
    }

    @Override
    public void close() {
        try {
            if (bfloat16 != null) {
                bfloat16.close();
            }
        } finally {
            manager.close();
        }
    }
}
