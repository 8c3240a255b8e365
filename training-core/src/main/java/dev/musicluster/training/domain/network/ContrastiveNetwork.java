package dev.musicluster.training.domain.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The contrastive model's network: stride-2 convolutions, global average pooling over mel bands and time, a linear
 * layer to the latent; in training a projection head (ReLU, linear) maps the latent to where NT-Xent compares
 * crops (SimCLR: the representation before the head clusters better than the head's output).
 *
 * <p>Everything before the linear layer is convolutional and the pooling averages over time, so the latent of a whole
 * song is, borders aside, the mean of the latents of every crop of it: one pass over the song replaces cropping.
 * Input: log-mel (n, 1, mels, any frames). Outputs: the latent; in training, the projection after it.
 */
public final class ContrastiveNetwork extends AbstractBlock implements FamilyNetwork {

    private static final byte VERSION = 1;
    /** Width of the projection NT-Xent compares. */
    static final int PROJECTION = 32;

    private final NetworkShape shape;
    private final Block encoder;
    private final Block latent;
    private final Block projection;

    public ContrastiveNetwork(NetworkShape shape) {
        super(VERSION);
        this.shape = shape;
        encoder = addChildBlock("encoder", Layers.convFeatures().add(Pool.globalAvgPool2dBlock()).add(Blocks.batchFlattenBlock()));
        latent = addChildBlock("latent", Linear.builder().setUnits(shape.spec().latent()).build());
        projection = addChildBlock("projection", new SequentialBlock().add(Activation.reluBlock())
                .add(Linear.builder().setUnits(PROJECTION).build()));
    }

    @Override
    public NetworkShape shape() {
        return shape;
    }

    @Override
    public NDArray encode(ParameterStore store, NDList inputs) {
        return forward(store, inputs, false).singletonOrThrow();
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray features = encoder.forward(store, new NDList(inputs.get(0)), training).singletonOrThrow();
        NDArray z = latent.forward(store, new NDList(features), training).singletonOrThrow();
        return training ? new NDList(z, projection.forward(store, new NDList(z), true).singletonOrThrow()) : new NDList(z);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long batch = inputShapes[0].get(0);
        return new Shape[] {new Shape(batch, shape.spec().latent()), new Shape(batch, PROJECTION)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long batch = inputShapes[0].get(0);
        encoder.initialize(manager, dataType, inputShapes[0]);
        latent.initialize(manager, dataType, new Shape(batch, Layers.CONV_CHANNELS[Layers.CONV_CHANNELS.length - 1]));
        projection.initialize(manager, dataType, new Shape(batch, shape.spec().latent()));
    }
}
