package dev.musicluster.training.domain.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;

/**
 * SimCLR's normalised temperature-scaled cross-entropy: rows {@code i} and {@code i + n/2} of the projection are two
 * views of one song, and each view must pick its partner out of every other row of the batch by cosine similarity
 * over the temperature. Needs no labels: the predictions' projection (the last output) is all it reads.
 */
public final class NtXentLoss extends Loss {

    /** Subtracted from a row's similarity to itself, so that a view never counts as its own partner. */
    private static final float SELF = 1e4f;

    private final float temperature;

    public NtXentLoss(double temperature) {
        super("nt-xent");
        this.temperature = (float) temperature;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray projected = predictions.get(predictions.size() - 1);
        int rows = (int) projected.getShape().get(0);
        if (rows % 2 != 0 || rows < 4) {
            throw new IllegalArgumentException("NT-Xent needs pairs of views of at least 2 songs, got " + rows + " rows");
        }
        NDManager manager = projected.getManager();
        NDArray unit = projected.div(projected.norm(new int[] {1}, true).add(1e-6f));
        NDArray similarity = Scalars.over(unit.matMul(unit.transpose()), temperature).sub(manager.eye(rows).mul(SELF));
        float[] partners = new float[rows * rows];
        for (int i = 0; i < rows; i++) {
            partners[i * rows + (i + rows / 2) % rows] = 1f;
        }
        return Scalars.over(similarity.logSoftmax(1).mul(manager.create(partners, new Shape(rows, rows))).sum(), -rows);
    }
}
