package dev.musicluster.feature.domain.musicnn;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * float32 to bfloat16 and back, through a TorchScript module of one cast ({@code musicnn/bfloat16-cast.pt}, written by
 * {@code src/main/python/bfloat16_cast.py}): DJL 0.35 has no name for bfloat16 in its PyTorch engine (its
 * {@code toType(BFLOAT16)} aborts the JVM), while every operator it calls accepts bfloat16 tensors. A tensor in
 * bfloat16 reports DJL's {@code UNKNOWN} type; only the operators below and this cast ever see one.
 */
final class BFloat16Cast implements AutoCloseable {

    private final Model model;
    private final Block block;

    BFloat16Cast(Device device) {
        this.model = Model.newInstance("bfloat16-cast", device, "PyTorch");
        try (InputStream in = BFloat16Cast.class.getResourceAsStream("/musicnn/bfloat16-cast.pt")) {
            if (in == null) {
                throw new IllegalStateException("musicnn/bfloat16-cast.pt is missing from the class path");
            }
            model.load(in);
            this.block = model.getBlock();
            // TorchScript sets its mode and optimiser on the first call: made here, once, not by two workers at once.
            try (var warmUp = model.getNDManager().newSubManager()) {
                apply(apply(warmUp.zeros(new ai.djl.ndarray.types.Shape(1))));
            }
        } catch (IOException e) {
            model.close();
            throw new UncheckedIOException(e);
        } catch (MalformedModelException | RuntimeException e) {
            model.close();
            throw new IllegalStateException("cannot load musicnn/bfloat16-cast.pt: " + e.getMessage(), e);
        }
    }

    /** A float32 tensor in bfloat16, or a bfloat16 one in float32; the result belongs to the input's manager. */
    NDArray apply(NDArray x) {
        NDArray cast = block.forward(new ParameterStore(x.getManager(), false), new NDList(x), false).singletonOrThrow();
        // TorchScript's outputs belong to the module's manager: freed with the caller's, as every other operator's are.
        cast.attach(x.getManager());
        return cast;
    }

    @Override
    public void close() {
        model.close();
    }
}
