package dev.musicluster.training.domain.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Arithmetic with a constant inside the autograd graph, the constant held in memory PyTorch owns.
 *
 * <p>DJL's {@code NDArray.mul(Number)} (and {@code div}, {@code pow}, {@code maximum}...) wraps the number in a 0-d
 * tensor over a Java direct buffer ({@code torch::from_blob}, no copy) and closes it as soon as the operation returns.
 * Autograd keeps that tensor for the backward pass (the gradient of {@code x·s} is {@code s}), but once it is closed
 * nothing in Java holds the buffer, and the garbage collector's cleaner frees it whenever a collection happens to run:
 * if that is before the backward pass, the gradient is multiplied by whatever the freed memory holds by then (glibc's
 * free-list pointers, or another allocation). That made training depend on when the JVM collected garbage: models
 * that differed from run to run with one seed, and gradients scaled by garbage that made beta-vae diverge
 * (docs/training.md). A tensor from {@code full} is PyTorch's own and reference-counted: autograd keeps it alive.
 * The values are the same as DJL's (a 0-d tensor of the same type), so a model trained before is the same model.
 * {@code add} and {@code sub} keep no operand for the backward pass, so they may take a number as it is.
 */
final class Scalars {

    private Scalars() {
    }

    /** {@code x · value}. */
    static NDArray times(NDArray x, float value) {
        return x.mul(of(x, value));
    }

    /** {@code x / value}. */
    static NDArray over(NDArray x, float value) {
        return x.div(of(x, value));
    }

    /** A 0-d tensor of x's type on x's device and manager, holding value, in memory PyTorch allocated. */
    static NDArray of(NDArray x, float value) {
        return x.getManager().full(new Shape(), value, x.getDataType());
    }
}
