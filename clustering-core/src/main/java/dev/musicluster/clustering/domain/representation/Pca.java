package dev.musicluster.clustering.domain.representation;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Principal component analysis: the centred data projected on the leading eigenvectors of its covariance. Signs
 * follow scikit-learn's convention (in each component, the projection with the largest magnitude is positive), so
 * results can be compared with it directly.
 */
public final class Pca {

    private final double[] mean;
    private final double[][] components;
    private final double[] explainedVarianceRatio;

    private Pca(double[] mean, double[][] components, double[] explainedVarianceRatio) {
        this.mean = mean;
        this.components = components;
        this.explainedVarianceRatio = explainedVarianceRatio;
    }

    /** Fits up to {@code count} components (no more than the features or the points minus one). */
    public static Pca fit(double[][] x, int count) {
        int n = x.length;
        int d = x[0].length;
        int m = Math.min(count, Math.min(d, n - 1));
        double[] mean = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        double[][] covariance = new double[d][d];
        for (double[] row : x) {
            for (int a = 0; a < d; a++) {
                double da = row[a] - mean[a];
                for (int b = a; b < d; b++) {
                    covariance[a][b] += da * (row[b] - mean[b]) / (n - 1);
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < a; b++) {
                covariance[a][b] = covariance[b][a];
            }
        }
        SymmetricEigen eigen = SymmetricEigen.of(covariance);
        Integer[] order = IntStream.range(0, d).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> eigen.values[i]).reversed());
        double total = Arrays.stream(eigen.values).map(v -> Math.max(v, 0)).sum();
        double[][] components = new double[m][d];
        double[] ratio = new double[m];
        for (int c = 0; c < m; c++) {
            for (int j = 0; j < d; j++) {
                components[c][j] = eigen.vectors[j][order[c]];
            }
            ratio[c] = total > 0 ? Math.max(eigen.values[order[c]], 0) / total : 0;
        }
        Pca pca = new Pca(mean, components, ratio);
        pca.orientLikeScikitLearn(x);
        return pca;
    }

    public double[][] transform(double[][] x) {
        double[][] out = new double[x.length][components.length];
        for (int i = 0; i < x.length; i++) {
            for (int c = 0; c < components.length; c++) {
                double sum = 0;
                for (int j = 0; j < mean.length; j++) {
                    sum += (x[i][j] - mean[j]) * components[c][j];
                }
                out[i][c] = sum;
            }
        }
        return out;
    }

    public double[] explainedVarianceRatio() {
        return explainedVarianceRatio.clone();
    }

    /** scikit-learn's svd_flip: each component's sign makes its largest-magnitude projection positive. */
    private void orientLikeScikitLearn(double[][] x) {
        double[][] projected = transform(x);
        for (int c = 0; c < components.length; c++) {
            double largest = 0;
            for (double[] row : projected) {
                if (Math.abs(row[c]) > Math.abs(largest)) {
                    largest = row[c];
                }
            }
            if (largest < 0) {
                for (int j = 0; j < components[c].length; j++) {
                    components[c][j] = -components[c][j];
                }
            }
        }
    }
}
