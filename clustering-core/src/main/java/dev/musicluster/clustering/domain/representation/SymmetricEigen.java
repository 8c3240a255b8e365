package dev.musicluster.clustering.domain.representation;

/**
 * Eigenvalues and eigenvectors of a symmetric matrix by cyclic Jacobi rotations: unconditionally stable and exact
 * to rounding, O(d³) per sweep; fine for the covariance matrices of features and latents (d up to a few hundred).
 */
final class SymmetricEigen {

    private static final int MAX_SWEEPS = 100;

    final double[] values;
    /** Column j is the eigenvector of values[j]. */
    final double[][] vectors;

    private SymmetricEigen(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    static SymmetricEigen of(double[][] symmetric) {
        int d = symmetric.length;
        double[][] a = new double[d][];
        for (int i = 0; i < d; i++) {
            a[i] = symmetric[i].clone();
        }
        double[][] v = new double[d][d];
        for (int i = 0; i < d; i++) {
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = 0;
            double scale = 0;
            for (int i = 0; i < d; i++) {
                scale += a[i][i] * a[i][i];
                for (int j = i + 1; j < d; j++) {
                    off += a[i][j] * a[i][j];
                }
            }
            if (off <= 1e-30 * Math.max(scale, 1e-300)) {
                break;
            }
            for (int p = 0; p < d; p++) {
                for (int q = p + 1; q < d; q++) {
                    if (a[p][q] == 0) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < d; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < d; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < d; k++) {
                        double vkp = v[k][p];
                        double vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        double[] values = new double[d];
        for (int i = 0; i < d; i++) {
            values[i] = a[i][i];
        }
        return new SymmetricEigen(values, v);
    }
}
