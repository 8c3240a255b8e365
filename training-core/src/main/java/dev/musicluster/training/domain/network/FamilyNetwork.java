package dev.musicluster.training.domain.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;

/** A member of the model family as training and inference see it: a block with its shape and its latent output. */
public interface FamilyNetwork extends Block {

    NetworkShape shape();

    /** The songs' latents among the block's inference outputs. */
    NDArray latent(NDList outputs);

    /** The network a shape describes, before initialisation. */
    static FamilyNetwork of(NetworkShape shape) {
        return shape.spec().contrastive() ? new ContrastiveNetwork(shape) : new VaeNetwork(shape);
    }
}
