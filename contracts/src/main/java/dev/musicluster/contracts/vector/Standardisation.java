package dev.musicluster.contracts.vector;

import java.util.Arrays;
import java.util.List;

/**
 * Each column to zero mean and unit variance over the songs at hand (population variance, two passes in double; a
 * column that does not vary becomes 0), as features of different units need. The rule for comparing the songs of one
 * collection with each other: the clustering's baselines and the gateway's search space for duplicates. A model's
 * input is scaled by the training's own rule instead (FeatureScaler: fitted once, stored with the model, clipped at
 * ±6σ); docs/clustering.md says which representation uses which.
 *
 * @param mean one per column
 * @param std  one per column, 0 where the column does not vary
 */
public record Standardisation(double[] mean, double[] std) {

    private static final double CONSTANT = 1e-12;

    /** Fitted on rows of doubles. */
    public static Standardisation fit(double[][] rows) {
        return fit(rows.length, rows.length == 0 ? 0 : rows[0].length, (i, j) -> rows[i][j]);
    }

    /** Fitted on rows of floats, as events carry them, without a wider copy of the collection. */
    public static Standardisation fitFloats(List<float[]> rows) {
        return fit(rows.size(), rows.isEmpty() ? 0 : rows.get(0).length, (i, j) -> rows.get(i)[j]);
    }

    /** Every row standardised by the statistics of all of them. */
    public static double[][] apply(double[][] rows) {
        Standardisation fitted = fit(rows);
        return Arrays.stream(rows).map(fitted::apply).toArray(double[][]::new);
    }

    /** One row standardised; a column that did not vary gives 0. */
    public double[] apply(double[] row) {
        double[] out = new double[mean.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = std[j] > CONSTANT ? (row[j] - mean[j]) / std[j] : 0.0;
        }
        return out;
    }

    /** One row of floats standardised, as floats. */
    public float[] apply(float[] row) {
        float[] out = new float[mean.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = std[j] > CONSTANT ? (float) ((row[j] - mean[j]) / std[j]) : 0f;
        }
        return out;
    }

    private interface Cell {
        double at(int row, int column);
    }

    private static Standardisation fit(int n, int d, Cell cell) {
        double[] mean = new double[d];
        double[] std = new double[d];
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < n; i++) {
                mean[j] += cell.at(i, j) / n;
            }
            double variance = 0;
            for (int i = 0; i < n; i++) {
                double centred = cell.at(i, j) - mean[j];
                variance += centred * centred / n;
            }
            std[j] = Math.sqrt(variance);
        }
        return new Standardisation(mean, std);
    }
}
