package dev.musicluster.training.domain.network;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;

/** The building blocks of the VAE family: dense and convolutional encoders, their mirrored decoders. */
final class Layers {

    /** Channels after each stride-2 convolution: 4 halvings, hence inputs that are multiples of 16. */
    static final int[] CONV_CHANNELS = {16, 32, 64, 64};
    static final int HIDDEN = 256;
    static final int LYRICS_HIDDEN = 128;

    private Layers() {
    }

    static SequentialBlock dense(int... widths) {
        SequentialBlock block = new SequentialBlock();
        for (int width : widths) {
            block.add(Linear.builder().setUnits(width).build()).add(Activation.reluBlock());
        }
        return block;
    }

    /** Dense layers with ReLU, then a linear output layer of the given width. */
    static SequentialBlock denseDecoder(int output, int... hidden) {
        return dense(hidden).add(Linear.builder().setUnits(output).build());
    }

    /** (n, 1, mels, frames) → (n, HIDDEN): {@link #convFeatures()}, then a dense layer. */
    static SequentialBlock convEncoder() {
        return convFeatures().add(Blocks.batchFlattenBlock()).add(dense(HIDDEN));
    }

    /** (n, 1, mels, frames) → (n, 64, mels / 16, frames / 16): stride-2 3×3 convolutions with batch norm and ReLU. */
    static SequentialBlock convFeatures() {
        SequentialBlock block = new SequentialBlock();
        for (int channels : CONV_CHANNELS) {
            block.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(2, 2)).optPadding(new Shape(1, 1))
                            .setFilters(channels).build())
                    .add(BatchNorm.builder().build())
                    .add(Activation.reluBlock());
        }
        return block;
    }

    /** (n, z) → (n, 1, mels, frames): a dense layer to the smallest feature map, then stride-2 transposed convolutions. */
    static SequentialBlock convDecoder(int mels, int frames) {
        int depth = CONV_CHANNELS.length;
        int channels = CONV_CHANNELS[depth - 1];
        long height = mels >> depth;
        long width = frames >> depth;
        SequentialBlock block = dense(HIDDEN, (int) (channels * height * width));
        block.add(new LambdaBlock(list -> new NDList(list.singletonOrThrow().reshape(-1, channels, height, width)), "unflatten"));
        for (int i = depth - 2; i >= 0; i--) {
            block.add(transposed(CONV_CHANNELS[i])).add(BatchNorm.builder().build()).add(Activation.reluBlock());
        }
        return block.add(transposed(1));
    }

    /** Doubles height and width: a stride-2 transposed convolution (see {@link UpsamplingConv} for its form). */
    private static UpsamplingConv transposed(int channels) {
        return new UpsamplingConv(channels);
    }
}
