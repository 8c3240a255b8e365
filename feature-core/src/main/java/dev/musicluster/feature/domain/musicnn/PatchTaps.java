package dev.musicluster.feature.domain.musicnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * A patch rearranged so that a convolution over its one channel becomes one over many (musicnn in bfloat16, see
 * {@link MusicnnNetwork}): shifted copies of the patch as channels, channels last. Each rearranged convolution is the
 * same sum as the one it replaces.
 */
final class PatchTaps {

    /** Frames taken as channels by the temporal convolutions; divides their lengths, 128, 64 and 32. */
    static final int TIME_TAPS = 16;
    /** Zero frames before and after a patch: half the longest temporal kernel. */
    private static final int TEMPORAL_PAD = 64;
    /** The temporal convolutions' output frames (before the first is dropped). */
    private static final int TEMPORAL_FRAMES = MusicnnNetwork.PATCH_FRAMES + 1;
    private static final int BANDS = MusicnnInput.BANDS;

    private PatchTaps() {
    }

    /**
     * Each band's next {@code taps} bands as channels: (patches, taps, frames, bands - taps + 1) from (patches, frames,
     * bands, 1). A kernel of width {@code taps} over one channel is a kernel of width 1 over these.
     */
    static NDArray frequency(NDArray x, int taps) {
        long width = BANDS - taps + 1;
        NDList shifted = new NDList(taps);
        for (int f = 0; f < taps; f++) {
            shifted.add(x.get(":, :, " + f + ":" + (f + width) + ", 0"));
        }
        return NDArrays.stack(shifted, 3).transpose(0, 3, 1, 2);
    }

    /**
     * The patch padded by 64 zero frames on both sides, 16 consecutive frames as channels: channel b at frame s is
     * padded frame s + b. (patches, 16, 300, bands) from (patches, frames, bands, 1), in float32 (DJL makes no bfloat16
     * zeros).
     */
    static NDArray time(NDArray x) {
        NDManager manager = x.getManager();
        Shape pad = new Shape(x.getShape().get(0), TEMPORAL_PAD, BANDS, 1);
        NDArray padded = NDArrays.concat(new NDList(manager.zeros(pad), x, manager.zeros(pad)), 1);
        long frames = padded.getShape().get(1) - TIME_TAPS + 1;
        NDList shifted = new NDList(TIME_TAPS);
        for (int b = 0; b < TIME_TAPS; b++) {
            shifted.add(padded.get(":, " + b + ":" + (b + frames) + ", :, 0"));
        }
        return NDArrays.stack(shifted, 3).transpose(0, 3, 1, 2);
    }

    /**
     * What a temporal kernel of {@code length} frames reads of {@link #time}'s taps: its length / 16 taps, 16 frames
     * apart (dilation 16), from frame 64 - length / 2 on. The same sum as the kernel over the patch padded by length / 2.
     */
    static NDArray timeWindow(NDArray taps, int length) {
        int from = TEMPORAL_PAD - length / 2;
        return taps.get(":, :, " + from + ":" + (from + TEMPORAL_FRAMES + length - TIME_TAPS) + ", :");
    }
}
