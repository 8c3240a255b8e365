package dev.musicluster.contracts.vector;

/** Cosine similarity of two vectors of one length: how alike two embeddings are, whatever their lengths. */
public final class Cosine {

    private Cosine() {
    }

    /** In [−1, 1]; NaN when either vector is all zeros. */
    public static double of(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of " + a.length + " and " + b.length + " values");
        }
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (double) a[i] * b[i];
            aa += (double) a[i] * a[i];
            bb += (double) b[i] * b[i];
        }
        return ab / Math.sqrt(aa * bb);
    }
}
