package dev.musicluster.clustering.domain.algorithms;

import dev.musicluster.clustering.domain.Euclidean;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * A Gaussian mixture fitted by expectation-maximisation, with diagonal or full covariances (Tribuo has no GMM
 * release). Initialised like scikit-learn: responsibilities from a k-means partition (k-means++ seeding and Lloyd
 * iterations, seeded). A small ridge (1e-6) keeps covariances invertible. The score is the BIC, for choosing k.
 */
public final class GaussianMixture implements Clusterer {

    public enum Covariance { DIAGONAL, FULL }

    private static final double RIDGE = 1e-6;
    private static final int MAX_ITERATIONS = 200;
    private static final double TOLERANCE = 1e-4;

    private final int k;
    private final Covariance covariance;
    private final long seed;

    public GaussianMixture(int k, Covariance covariance, long seed) {
        this.k = k;
        this.covariance = covariance;
        this.seed = seed;
    }

    @Override
    public String name() {
        return "gmm-" + covariance.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public Partition fit(double[][] x) {
        int n = x.length;
        int d = x[0].length;
        double[][] resp = initialResponsibilities(x);
        double[] weights = new double[k];
        double[][] means = new double[k][d];
        double[][][] chol = new double[k][][];
        double[] logDet = new double[k];
        double previous = Double.NEGATIVE_INFINITY;
        double logLikelihood = 0;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            maximise(x, resp, weights, means, chol, logDet);
            logLikelihood = expect(x, weights, means, chol, logDet, resp);
            if (Math.abs(logLikelihood - previous) / n < TOLERANCE) {
                break;
            }
            previous = logLikelihood;
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int c = 1; c < k; c++) {
                best = resp[i][c] > resp[i][best] ? c : best;
            }
            labels[i] = best;
        }
        double parameters = (k - 1) + k * d + (covariance == Covariance.FULL ? k * d * (d + 1) / 2.0 : k * d);
        double bic = -2 * logLikelihood + parameters * Math.log(n);
        return new Partition(labels, Partition.of(labels).clusters(), bic);
    }

    /** M-step: weights, means and (Cholesky factors of) covariances from the responsibilities. */
    private void maximise(double[][] x, double[][] resp, double[] weights, double[][] means, double[][][] chol, double[] logDet) {
        int n = x.length;
        int d = x[0].length;
        for (int c = 0; c < k; c++) {
            double nc = 1e-10;
            Arrays.fill(means[c], 0);
            for (int i = 0; i < n; i++) {
                nc += resp[i][c];
                for (int j = 0; j < d; j++) {
                    means[c][j] += resp[i][c] * x[i][j];
                }
            }
            weights[c] = nc / n;
            for (int j = 0; j < d; j++) {
                means[c][j] /= nc;
            }
            double[][] cov = new double[d][d];
            for (int i = 0; i < n; i++) {
                double r = resp[i][c];
                for (int a = 0; a < d; a++) {
                    double da = x[i][a] - means[c][a];
                    if (covariance == Covariance.DIAGONAL) {
                        cov[a][a] += r * da * da;
                    } else {
                        for (int b = 0; b <= a; b++) {
                            cov[a][b] += r * da * (x[i][b] - means[c][b]);
                        }
                    }
                }
            }
            for (int a = 0; a < d; a++) {
                for (int b = 0; b <= a; b++) {
                    cov[a][b] /= nc;
                    cov[b][a] = cov[a][b];
                }
                cov[a][a] += RIDGE;
            }
            // A diagonal covariance's Cholesky factor is its square root: no O(d³) factorisation (400 dimensions: 64 M
            // operations per cluster and iteration).
            chol[c] = covariance == Covariance.DIAGONAL ? diagonalRoot(cov) : cholesky(cov);
            double sum = 0;
            for (int a = 0; a < d; a++) {
                sum += Math.log(chol[c][a][a]);
            }
            logDet[c] = 2 * sum;
        }
    }

    /** E-step: responsibilities in place; returns the total log-likelihood. */
    private double expect(double[][] x, double[] weights, double[][] means, double[][][] chol, double[] logDet, double[][] resp) {
        int d = x[0].length;
        double total = 0;
        double[] y = new double[d];
        // A diagonal factor has nothing below its diagonal: the solve is O(d), not O(d²).
        boolean full = covariance == Covariance.FULL;
        for (int i = 0; i < x.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                // Solve L·y = x - μ: the Mahalanobis distance is |y|².
                double mahalanobis = 0;
                for (int a = 0; a < d; a++) {
                    double v = x[i][a] - means[c][a];
                    for (int b = 0; b < a && full; b++) {
                        v -= chol[c][a][b] * y[b];
                    }
                    y[a] = v / chol[c][a][a];
                    mahalanobis += y[a] * y[a];
                }
                resp[i][c] = Math.log(weights[c]) - 0.5 * (d * Math.log(2 * Math.PI) + logDet[c] + mahalanobis);
                max = Math.max(max, resp[i][c]);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                sum += Math.exp(resp[i][c] - max);
            }
            double logSum = max + Math.log(sum);
            for (int c = 0; c < k; c++) {
                resp[i][c] = Math.exp(resp[i][c] - logSum);
            }
            total += logSum;
        }
        return total;
    }

    /** Lower-triangular L with L·Lᵀ = a (a symmetric positive definite; the ridge sees to it). */
    static double[][] cholesky(double[][] a) {
        int d = a.length;
        double[][] l = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int m = 0; m < j; m++) {
                    sum -= l[i][m] * l[j][m];
                }
                l[i][j] = i == j ? Math.sqrt(Math.max(sum, RIDGE)) : sum / l[j][j];
            }
        }
        return l;
    }

    /** Hard responsibilities from k-means++ seeding followed by Lloyd iterations. */
    private double[][] initialResponsibilities(double[][] x) {
        Random random = new Random(seed);
        int n = x.length;
        double[][] centres = new double[k][];
        centres[0] = x[random.nextInt(n)].clone();
        double[] nearest = new double[n];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                nearest[i] = Math.min(nearest[i], Euclidean.squared(x[i], centres[c - 1]));
                total += nearest[i];
            }
            double target = random.nextDouble() * total;
            int chosen = n - 1;
            for (int i = 0; i < n; i++) {
                target -= nearest[i];
                if (target <= 0) {
                    chosen = i;
                    break;
                }
            }
            centres[c] = x[chosen].clone();
        }
        int[] labels = new int[n];
        for (int iteration = 0; iteration < 50; iteration++) {
            for (int i = 0; i < n; i++) {
                int best = 0;
                for (int c = 1; c < k; c++) {
                    best = Euclidean.squared(x[i], centres[c]) < Euclidean.squared(x[i], centres[best]) ? c : best;
                }
                labels[i] = best;
            }
            for (int c = 0; c < k; c++) {
                double[] sum = new double[x[0].length];
                int count = 0;
                for (int i = 0; i < n; i++) {
                    if (labels[i] == c) {
                        count++;
                        for (int j = 0; j < sum.length; j++) {
                            sum[j] += x[i][j];
                        }
                    }
                }
                if (count > 0) {
                    for (int j = 0; j < sum.length; j++) {
                        centres[c][j] = sum[j] / count;
                    }
                }
            }
        }
        double[][] resp = new double[n][k];
        for (int i = 0; i < n; i++) {
            resp[i][labels[i]] = 1;
        }
        return resp;
    }

    private static double[][] diagonalRoot(double[][] cov) {
        int d = cov.length;
        double[][] root = new double[d][d];
        for (int a = 0; a < d; a++) {
            root[a][a] = Math.sqrt(cov[a][a]);
        }
        return root;
    }
}
