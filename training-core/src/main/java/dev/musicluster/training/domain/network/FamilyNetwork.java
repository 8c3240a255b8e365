package dev.musicluster.training.domain.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/** A member of the model family as training and inference see it: a block with its shape and its latent output. */
public interface FamilyNetwork extends Block {

    NetworkShape shape();

    /**
     * The songs' latents (a VAE's means) of a batch of inputs, in inference mode and without the decoders: the same
     * values as the full forward pass gives, at the encoder's cost alone.
     */
    NDArray encode(ParameterStore store, NDList inputs);

    /** The network a shape describes, before initialisation. */
    static FamilyNetwork of(NetworkShape shape) {
        return shape.spec().contrastive() ? new ContrastiveNetwork(shape) : new VaeNetwork(shape);
    }
}
