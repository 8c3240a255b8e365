package dev.musicluster.training.domain.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
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
 */
final class UpsamplingConv extends AbstractBlock {

    private static final byte VERSION = 1;

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
        NDArray phases = convolution.forward(store, inputs, training).singletonOrThrow();
        Shape shape = phases.getShape();
        long n = shape.get(0);
        long height = shape.get(2);
        long width = shape.get(3);
        // (n, c·2·2, h, w) → (n, c, 2, 2, h, w) → (n, c, h, 2, w, 2) → (n, c, 2h, 2w)
        NDArray pixels = phases.reshape(n, channels, 2, 2, height, width).transpose(0, 1, 4, 2, 5, 3)
                .reshape(n, channels, 2 * height, 2 * width);
        return new NDList(pixels);
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
