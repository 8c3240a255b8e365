package dev.musicluster.embedding.domain.vector;

/** Cosine similarity of two vectors, for tests that compare embeddings. */
public final class Cosine {

    private Cosine() {
    }

    public static double of(float[] a, float[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return ab / Math.sqrt(aa * bb);
    }
}
