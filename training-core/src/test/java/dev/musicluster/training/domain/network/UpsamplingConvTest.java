package dev.musicluster.training.domain.network;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The decoder's last layer (16 channels in, 1 channel × 4 phases out) at the main job's shape must give the same
 * input gradient on every pass. With its 4 filters in oneDNN's padded 16-channel layout, the backward-data
 * convolution read padding nobody wrote on AMD Zen 5: 10 passes over identical inputs gave 3 to 6 different
 * gradients, some entirely NaN (docs/training.md).
 */
class UpsamplingConvTest {

    @Test
    void theLastUpsamplingGivesOneInputGradientOverRepeatedPasses() {
        Devices.engine().setRandomSeed(1);
        try (NDManager manager = NDManager.newBaseManager(Devices.ENGINE)) {
            UpsamplingConv layer = new UpsamplingConv(1);
            Shape input = new Shape(32, 16, 64, 64);
            layer.initialize(manager, DataType.FLOAT32, input);
            NDArray x0 = manager.randomNormal(input);
            NDArray upstream = manager.randomNormal(new Shape(32, 1, 128, 128));
            Set<Integer> gradients = new LinkedHashSet<>();
            for (int pass = 0; pass < 10; pass++) {
                try (NDManager step = manager.newSubManager()) {
                    // Fresh allocations in between, each holding other values, as a training step's would.
                    step.randomNormal(new Shape(2, 32, 16, 64, 64)).mul(1e30f);
                    NDArray x = x0.duplicate();
                    x.attach(step);
                    x.setRequiresGradient(true);
                    try (GradientCollector collector = Engine.getEngine(Devices.ENGINE).newGradientCollector()) {
                        NDArray y = layer.forward(new ParameterStore(step, false), new NDList(x), true).singletonOrThrow();
                        collector.backward(y.mul(upstream).sum());
                        float[] gradient = x.getGradient().toFloatArray();
                        assertThat(gradient).as("pass %d", pass).doesNotContain(Float.NaN);
                        gradients.add(Arrays.hashCode(gradient));
                    }
                }
            }
            assertThat(gradients).as("distinct input gradients over 10 passes").hasSize(1);
        }
    }
}
