package dev.musicluster.training.domain.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;

class ClippedGradientsTest {

    @Test
    void everyGradientElementIsClippedOnBothSidesBeforeTheStep() {
        Devices.engine();
        try (NDManager manager = NDManager.newBaseManager(Devices.ENGINE)) {
            // Plain gradient descent with rate 1: the step is minus the gradient the optimizer was given.
            Optimizer descent = new ClippedGradients(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(1f)).build(), 10f);
            NDArray weight = manager.zeros(new ai.djl.ndarray.types.Shape(4));
            NDArray gradient = manager.create(new float[] {-1e6f, -3f, 4f, 1e6f});
            descent.update("w", weight, gradient);
            assertThat(weight.toFloatArray()).containsExactly(10f, 3f, -4f, -10f);
            assertThat(gradient.toFloatArray()).as("the caller's gradient is left as it was").containsExactly(-1e6f, -3f, 4f, 1e6f);
        }
    }

    @Test
    void theLimitMustBePositive() {
        Optimizer sgd = Optimizer.sgd().setLearningRateTracker(Tracker.fixed(1f)).build();
        assertThatThrownBy(() -> new ClippedGradients(sgd, 0f)).hasMessageContaining("positive");
        assertThatThrownBy(() -> new ClippedGradients(sgd, Float.NaN)).hasMessageContaining("positive");
    }
}
