package dev.musicluster.feature;

/** How alike two embeddings are, for the tests. */
public final class Similarity {

    private Similarity() {
    }

    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return dot / Math.sqrt(aa * bb);
    }
}
