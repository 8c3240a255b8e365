package dev.musicluster.feature.domain.musicnn;

import ai.djl.Device;

/**
 * Both musicnn networks (MSD and MTT) over a song: its 16 kHz audio through {@link MusicnnInput}, cut into
 * non-overlapping 187-frame patches (the last partial one dropped; a song shorter than one patch is repeated to
 * fill it), every patch through both networks a few at a time, so memory grows with the batch, not the song.
 * Thread-safe: the networks are; each call makes its own input.
 */
public final class MusicnnEncoder implements AutoCloseable {

    /**
     * Patches per forward pass. The largest activation, the first timbral convolution's output, is 9 MB a patch: two
     * patches keep it within a core's share of the cache (the passes measured: docs/performance.md).
     */
    private static final int BATCH = 2;
    private static final int PATCH_VALUES = MusicnnNetwork.PATCH_FRAMES * MusicnnInput.BANDS;

    private final MusicnnNetwork msd;
    private final MusicnnNetwork mtt;
    private final String weights;
    private final ThreadLocal<MusicnnInput> inputs = ThreadLocal.withInitial(MusicnnInput::new);

    public MusicnnEncoder(MusicnnWeights msdWeights, MusicnnWeights mttWeights, Device device, MusicnnPrecision precision) {
        this.msd = new MusicnnNetwork(msdWeights, device, precision);
        try {
            this.mtt = new MusicnnNetwork(mttWeights, device, precision);
        } catch (RuntimeException e) {
            msd.close();
            throw e;
        }
        this.weights = "musicnn MSD " + msdWeights.sha256().substring(0, 12) + ", MTT " + mttWeights.sha256().substring(0, 12);
    }

    /** The networks shipped with the service, on the given device, in the given precision. */
    public static MusicnnEncoder bundled(Device device, MusicnnPrecision precision) {
        return new MusicnnEncoder(MusicnnWeights.bundled("MSD"), MusicnnWeights.bundled("MTT"), device, precision);
    }

    /**
     * Which weights the representations come from. Not the precision: bfloat16 and float32 give the same
     * representation to a cosine of 0.9999 (docs/musicnn.md), so a song analysed on either kind of machine is not
     * analysed again on the other.
     */
    public String weights() {
        return weights;
    }

    /** The weights and the precision the representations were computed in: a song's provenance. */
    public String version() {
        return weights + ", " + precision().id();
    }

    public MusicnnPrecision precision() {
        return msd.precision();
    }

    /** @param pcm mono audio at 16 kHz */
    public MusicnnRepresentation encode(float[] pcm) {
        return encodeInput(inputs.get().compute(pcm));
    }

    /** @param input the network input, frames × 96 (see {@link MusicnnInput}) */
    public MusicnnRepresentation encodeInput(float[] input) {
        float[] patches = patches(input);
        int count = patches.length / PATCH_VALUES;
        float[] perPatch = new float[count * MusicnnRepresentation.PATCH_WIDTH];
        for (int from = 0; from < count; from += BATCH) {
            int n = Math.min(BATCH, count - from);
            float[] batch = java.util.Arrays.copyOfRange(patches, from * PATCH_VALUES, (from + n) * PATCH_VALUES);
            MusicnnNetwork.Output a = msd.forward(batch, n);
            MusicnnNetwork.Output b = mtt.forward(batch, n);
            for (int p = 0; p < n; p++) {
                int at = (from + p) * MusicnnRepresentation.PATCH_WIDTH;
                at = copy(a.embeddings(), p, MusicnnNetwork.EMBEDDING, perPatch, at);
                at = copy(b.embeddings(), p, MusicnnNetwork.EMBEDDING, perPatch, at);
                at = copy(a.tags(), p, MusicnnNetwork.TAGS, perPatch, at);
                copy(b.tags(), p, MusicnnNetwork.TAGS, perPatch, at);
            }
        }
        float[] mean = new float[MusicnnRepresentation.PATCH_WIDTH];
        for (int p = 0; p < count; p++) {
            for (int j = 0; j < mean.length; j++) {
                mean[j] += perPatch[p * mean.length + j] / count;
            }
        }
        int e = MusicnnNetwork.EMBEDDING;
        int t = MusicnnNetwork.TAGS;
        return new MusicnnRepresentation(java.util.Arrays.copyOfRange(mean, 0, e), java.util.Arrays.copyOfRange(mean, e, 2 * e),
                java.util.Arrays.copyOfRange(mean, 2 * e, 2 * e + t), java.util.Arrays.copyOfRange(mean, 2 * e + t, 2 * e + 2 * t),
                count, perPatch);
    }

    /** Whole patches of the input; a shorter input repeated to one patch. */
    static float[] patches(float[] input) {
        int frames = input.length / MusicnnInput.BANDS;
        if (frames == 0) {
            throw new IllegalArgumentException("no frames to encode");
        }
        if (frames >= MusicnnNetwork.PATCH_FRAMES) {
            int count = frames / MusicnnNetwork.PATCH_FRAMES;
            return java.util.Arrays.copyOf(input, count * PATCH_VALUES);
        }
        float[] repeated = new float[PATCH_VALUES];
        for (int at = 0; at < PATCH_VALUES; at += frames * MusicnnInput.BANDS) {
            System.arraycopy(input, 0, repeated, at, Math.min(frames * MusicnnInput.BANDS, PATCH_VALUES - at));
        }
        return repeated;
    }

    private static int copy(float[] from, int row, int width, float[] to, int at) {
        System.arraycopy(from, row * width, to, at, width);
        return at + width;
    }

    @Override
    public void close() {
        try {
            msd.close();
        } finally {
            mtt.close();
        }
    }
}
