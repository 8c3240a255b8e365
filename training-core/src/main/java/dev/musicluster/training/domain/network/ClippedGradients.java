package dev.musicluster.training.domain.network;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;

/**
 * Another optimizer's step on gradients clipped element by element to ±limit, so that one bad batch cannot wreck the
 * weights. DJL's own {@code optClipGrad} clips the upper side only on PyTorch (its {@code adamUpdate} calls
 * {@code clamp_max_}): a gradient element of −10⁶ went into Adam whole. Elements within the limit are passed as they
 * are, so a step that clips nothing is the plain optimizer's step, bit for bit.
 */
final class ClippedGradients extends Optimizer {

    private final Optimizer step;
    private final float limit;

    ClippedGradients(Optimizer step, float limit) {
        super(new NoOptions());
        if (!(limit > 0)) {
            throw new IllegalArgumentException("the clipping limit must be positive, not " + limit);
        }
        this.step = step;
        this.limit = limit;
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        try (NDArray clipped = grad.clip(-limit, limit)) {
            step.update(parameterId, weight, clipped);
        }
    }

    /** The wrapper has no options of its own: the wrapped optimizer holds them. */
    private static final class NoOptions extends OptimizerBuilder<NoOptions> {
        @Override
        protected NoOptions self() {
            return this;
        }
    }
}
