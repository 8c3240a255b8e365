package dev.musicluster.training.domain.network;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A constant's gradient must not depend on when the garbage collector runs. With DJL's {@code x.mul(0.5f)} the
 * gradient below came out as 1e30 (the value another allocation wrote into the freed scalar) or 1.4e-45 (the
 * allocator's free-list pointer), on every machine; {@link Scalars} keeps the constant in memory PyTorch owns.
 */
class ScalarsTest {

    @Test
    void aConstantsGradientSurvivesACollectionAndReusedMemoryBetweenForwardAndBackward() throws InterruptedException {
        Devices.engine();
        try (NDManager manager = NDManager.newBaseManager(Devices.ENGINE)) {
            for (int trial = 0; trial < 5; trial++) {
                NDArray x = manager.create(new float[] {1f, 2f, 3f});
                x.setRequiresGradient(true);
                try (GradientCollector collector = Engine.getEngine(Devices.ENGINE).newGradientCollector()) {
                    NDArray y = Scalars.over(Scalars.times(x, 0.5f), 0.25f).sum();
                    collectAndReuseFreedMemory();
                    collector.backward(y);
                    assertThat(y.getFloat()).isEqualTo(12f);
                    assertThat(x.getGradient().toFloatArray()).as("d(x · 0.5 / 0.25)/dx, trial %d", trial).containsOnly(2f);
                }
            }
        }
    }

    /** What any busy JVM may do between two native calls: collect garbage, then allocate small buffers. */
    private static void collectAndReuseFreedMemory() throws InterruptedException {
        for (int i = 0; i < 2; i++) {
            System.gc();
            Thread.sleep(50);
        }
        List<ByteBuffer> others = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            others.add(ByteBuffer.allocateDirect(Float.BYTES).order(ByteOrder.nativeOrder()).putFloat(0, 1e30f));
        }
        assertThat(others).hasSize(64);
    }
}
