package dev.musicluster.feature.domain.musicnn;

/**
 * A song as the two musicnn networks hear it: each network's embedding (200) and tag probabilities (50), each the
 * mean over the song's 3-s patches, and every patch's own values (patches × 500: MSD embedding, MTT embedding, MSD
 * tags, MTT tags).
 */
public record MusicnnRepresentation(float[] msdEmbedding, float[] mttEmbedding, float[] msdTags, float[] mttTags, int patches,
                                    float[] perPatch) {

    public static final int PATCH_WIDTH = 2 * MusicnnNetwork.EMBEDDING + 2 * MusicnnNetwork.TAGS;

    /** MSD then MTT embedding: the 400 values the pipeline clusters by default. */
    public float[] embedding() {
        return concat(msdEmbedding, mttEmbedding);
    }

    /** MSD then MTT tag probabilities: 100 values, named by {@code MusicnnTags.NAMES}. */
    public float[] tags() {
        return concat(msdTags, mttTags);
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
