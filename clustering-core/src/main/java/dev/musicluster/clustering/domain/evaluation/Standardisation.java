package dev.musicluster.clustering.domain.evaluation;

/** Each column to zero mean and unit variance (columns that do not vary become 0), as features of different units need. */
public final class Standardisation {

    private Standardisation() {
    }

    public static double[][] apply(double[][] points) {
        int n = points.length;
        int d = n == 0 ? 0 : points[0].length;
        double[][] out = new double[n][d];
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (double[] point : points) {
                mean += point[j] / n;
            }
            double variance = 0;
            for (double[] point : points) {
                variance += (point[j] - mean) * (point[j] - mean) / n;
            }
            double std = Math.sqrt(variance);
            for (int i = 0; i < n; i++) {
                out[i][j] = std > 1e-12 ? (points[i][j] - mean) / std : 0.0;
            }
        }
        return out;
    }
}
