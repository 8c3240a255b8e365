package dev.musicluster.training.domain.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A stride-2 transposed convolution in its sub-pixel form (Shi et al., 2016): a 3×3 convolution to four times the
 * channels, then each group of four channels laid out as a 2×2 block of pixels. Every output pixel of a transposed
 * convolution with kernel 4, stride 2 and padding 1 depends on a 2×2 neighbourhood of inputs through one of four
 * phase kernels; the 3×3 convolution holds all four phases, so it computes any such transposed convolution (and
 * more), without the checkerboard artefacts of zero insertion. It exists because DJL's PyTorch engine (0.35.1)
 * does not implement {@code deconvolution}.
 *
 * <p>The convolution always has a multiple of {@link #CHANNEL_BLOCK} filters. oneDNN computes convolutions on
 * channels in blocks of 8 or 16 (AVX2, AVX-512); a layer with fewer filters (the last one, 1 channel × 4 phases)
 * is stored "padded" to a whole block, and the padded channels of weights, outputs and gradients are never written
 * by PyTorch: oneDNN must zero them itself in every reorder. Where it does not, the backward pass reads memory nobody
 * wrote: the likeliest cause of the NaN and irreproducible models seen on AMD Zen 5 (docs/training.md). So the
 * filters are zero-extended here, in memory PyTorch wrote: same parameters, same result, same work (oneDNN computed
 * the padded block anyway), and no padded layout anywhere in the network.
 */
final class UpsamplingConv extends AbstractBlock {

    private static final byte VERSION = 1;
    /** oneDNN's widest channel block (AVX-512: 16 floats); every convolution's filters are a multiple of it. */
    static final int CHANNEL_BLOCK = 16;

    private final int channels;
    private final Conv2d convolution;

    UpsamplingConv(int channels) {
        super(VERSION);
        this.channels = channels;
        convolution = addChildBlock("phases", Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                .setFilters(4 * channels).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray phases = phases(store, inputs.singletonOrThrow(), training);
        Shape shape = phases.getShape();
        long n = shape.get(0);
        long height = shape.get(2);
        long width = shape.get(3);
        // (n, c·2·2, h, w) → (n, c, 2, 2, h, w) → (n, c, h, 2, w, 2) → (n, c, 2h, 2w)
        NDArray pixels = phases.reshape(n, channels, 2, 2, height, width).transpose(0, 1, 4, 2, 5, 3)
                .reshape(n, channels, 2 * height, 2 * width);
        return new NDList(pixels);
    }

    /** The 3×3 convolution to the 4 phases of every channel, computed on a whole number of channel blocks. */
    private NDArray phases(ParameterStore store, NDArray input, boolean training) {
        int filters = 4 * channels;
        if (filters % CHANNEL_BLOCK == 0) {
            return convolution.forward(store, new NDList(input), training).singletonOrThrow();
        }
        // The extended weights are the batch's, not the model's: attached to the input's manager, freed with it.
        NDManager batch = input.getManager();
        NDArray weight = value(store, "weight", input, training);
        NDArray bias = value(store, "bias", input, training);
        int extra = CHANNEL_BLOCK - filters % CHANNEL_BLOCK;
        Shape kernel = weight.getShape();
        weight = weight.concat(batch.zeros(new Shape(extra, kernel.get(1), kernel.get(2), kernel.get(3))), 0);
        weight.attach(batch);
        bias = bias.concat(batch.zeros(new Shape(extra)), 0);
        bias.attach(batch);
        Shape one = new Shape(1, 1);
        NDArray blocks = Conv2d.conv2d(input, weight, bias, one, one, one, 1).singletonOrThrow();
        return blocks.get(":, 0:" + filters);
    }

    private NDArray value(ParameterStore store, String name, NDArray input, boolean training) {
        Parameter parameter = convolution.getParameters().get(name);
        return store.getValue(parameter, input.getDevice(), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), channels, 2 * in.get(2), 2 * in.get(3))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        convolution.initialize(manager, dataType, inputShapes);
    }
}
