package dev.musicluster.clustering.domain.algorithms;

import dev.musicluster.clustering.domain.Euclidean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A Gaussian mixture fitted by expectation-maximisation, with diagonal or full covariances (Tribuo has no GMM
 * release). Initialised as scikit-learn does: responsibilities from one k-means partition ({@link KMeans}, one
 * initialisation, seeded). A small ridge (1e-6) keeps covariances invertible. The score is the BIC, for choosing k.
 *
 * <p>The diagonal mixture, a default algorithm that sees every song, runs on {@code threads} workers over ranges of
 * points ({@link RowRanges}: the same mixture on any number of threads); its E-step is O(n·k·d) with no division, its
 * M-step two passes (the means, then the spread around them, steadier than E[x²] − E[x]²). The full mixture, for small
 * sets only, solves a triangular system per point and cluster on one thread.
 */
public final class GaussianMixture implements Clusterer {

    public enum Covariance { DIAGONAL, FULL }

    private static final double RIDGE = 1e-6;
    private static final int MAX_ITERATIONS = 200;
    private static final double TOLERANCE = 1e-4;
    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);

    private final int k;
    private final Covariance covariance;
    private final long seed;
    private final int threads;

    public GaussianMixture(int k, Covariance covariance, long seed) {
        this(k, covariance, seed, 1);
    }

    public GaussianMixture(int k, Covariance covariance, long seed, int threads) {
        this.k = k;
        this.covariance = covariance;
        this.seed = seed;
        this.threads = threads;
    }

    @Override
    public String name() {
        return "gmm-" + covariance.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public Partition fit(double[][] x) {
        int n = x.length;
        int d = x[0].length;
        double[][] resp = new double[n][k];
        int[] initial = new KMeans(k, 1, seed, threads).fit(x).labels();
        for (int i = 0; i < n; i++) {
            resp[i][initial[i]] = 1;
        }
        double[] weights = new double[k];
        double[][] means = new double[k][d];
        double[][][] chol = new double[k][][];
        double[][] precisions = new double[k][d];
        double[] logDet = new double[k];
        double previous = Double.NEGATIVE_INFINITY;
        double logLikelihood = 0;
        try (RowRanges ranges = new RowRanges(threads, name())) {
            for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
                if (covariance == Covariance.DIAGONAL) {
                    maximiseDiagonal(x, resp, weights, means, precisions, logDet, ranges);
                    logLikelihood = expectDiagonal(x, weights, means, precisions, logDet, resp, ranges);
                } else {
                    maximise(x, resp, weights, means, chol, logDet);
                    logLikelihood = expect(x, weights, means, chol, logDet, resp);
                }
                if (Math.abs(logLikelihood - previous) / n < TOLERANCE) {
                    break;
                }
                previous = logLikelihood;
            }
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

    /** Per cluster, over some points: the responsibility mass and a weighted sum per dimension. */
    private record Moments(double[] mass, double[][] sums) {

        Moments(int k, int d) {
            this(new double[k], new double[k][d]);
        }

        /** The parts added in their order. */
        static Moments total(List<Moments> parts, int k, int d) {
            Moments total = new Moments(k, d);
            for (Moments part : parts) {
                for (int c = 0; c < k; c++) {
                    total.mass[c] += part.mass[c];
                    for (int a = 0; a < d; a++) {
                        total.sums[c][a] += part.sums[c][a];
                    }
                }
            }
            return total;
        }
    }

    /** M-step of the diagonal mixture: weights, means, per-dimension precisions (1 / variance) and log-determinants. */
    private void maximiseDiagonal(double[][] x, double[][] resp, double[] weights, double[][] means, double[][] precisions,
                                  double[] logDet, RowRanges ranges) {
        int n = x.length;
        int d = x[0].length;
        Moments first = Moments.total(ranges.map(n, (from, to) -> {
            Moments part = new Moments(k, d);
            for (int i = from; i < to; i++) {
                for (int c = 0; c < k; c++) {
                    double r = resp[i][c];
                    if (r == 0) {
                        continue;
                    }
                    part.mass[c] += r;
                    double[] sum = part.sums[c];
                    double[] point = x[i];
                    for (int a = 0; a < d; a++) {
                        sum[a] += r * point[a];
                    }
                }
            }
            return part;
        }), k, d);
        double[] mass = new double[k];
        for (int c = 0; c < k; c++) {
            mass[c] = first.mass[c] + 1e-10;
            weights[c] = mass[c] / n;
            for (int a = 0; a < d; a++) {
                means[c][a] = first.sums[c][a] / mass[c];
            }
        }
        Moments second = Moments.total(ranges.map(n, (from, to) -> {
            Moments part = new Moments(k, d);
            for (int i = from; i < to; i++) {
                for (int c = 0; c < k; c++) {
                    double r = resp[i][c];
                    if (r == 0) {
                        continue;
                    }
                    double[] sum = part.sums[c];
                    double[] point = x[i];
                    double[] mean = means[c];
                    for (int a = 0; a < d; a++) {
                        double v = point[a] - mean[a];
                        sum[a] += r * v * v;
                    }
                }
            }
            return part;
        }), k, d);
        for (int c = 0; c < k; c++) {
            double sum = 0;
            for (int a = 0; a < d; a++) {
                double variance = second.sums[c][a] / mass[c] + RIDGE;
                precisions[c][a] = 1 / variance;
                sum += Math.log(variance);
            }
            logDet[c] = sum;
        }
    }

    /** E-step of the diagonal mixture: responsibilities in place; returns the total log-likelihood. */
    private double expectDiagonal(double[][] x, double[] weights, double[][] means, double[][] precisions, double[] logDet,
                                  double[][] resp, RowRanges ranges) {
        int d = x[0].length;
        double[] constant = new double[k];
        for (int c = 0; c < k; c++) {
            constant[c] = Math.log(weights[c]) - 0.5 * (d * LOG_TWO_PI + logDet[c]);
        }
        double total = 0;
        for (double part : ranges.map(x.length, (from, to) -> {
            double sum = 0;
            for (int i = from; i < to; i++) {
                double[] r = resp[i];
                for (int c = 0; c < k; c++) {
                    r[c] = constant[c] - 0.5 * Euclidean.weightedSquared(x[i], means[c], precisions[c]);
                }
                sum += normalise(r);
            }
            return sum;
        })) {
            total += part;
        }
        return total;
    }

    /** Log-probabilities per cluster to responsibilities, in place; returns their log-sum-exp, the point's log-likelihood. */
    private static double normalise(double[] logProbabilities) {
        double max = Double.NEGATIVE_INFINITY;
        for (double value : logProbabilities) {
            max = Math.max(max, value);
        }
        double sum = 0;
        for (double value : logProbabilities) {
            sum += Math.exp(value - max);
        }
        double logSum = max + Math.log(sum);
        for (int c = 0; c < logProbabilities.length; c++) {
            logProbabilities[c] = Math.exp(logProbabilities[c] - logSum);
        }
        return logSum;
    }

    /** M-step of the full mixture: weights, means and Cholesky factors of the covariances. */
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
                    for (int b = 0; b <= a; b++) {
                        cov[a][b] += r * da * (x[i][b] - means[c][b]);
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
            chol[c] = cholesky(cov);
            double sum = 0;
            for (int a = 0; a < d; a++) {
                sum += Math.log(chol[c][a][a]);
            }
            logDet[c] = 2 * sum;
        }
    }

    /** E-step of the full mixture: responsibilities in place; returns the total log-likelihood. */
    private double expect(double[][] x, double[] weights, double[][] means, double[][][] chol, double[] logDet, double[][] resp) {
        int d = x[0].length;
        double total = 0;
        double[] y = new double[d];
        for (int i = 0; i < x.length; i++) {
            for (int c = 0; c < k; c++) {
                // Solve L·y = x - μ: the Mahalanobis distance is |y|².
                double mahalanobis = 0;
                for (int a = 0; a < d; a++) {
                    double v = x[i][a] - means[c][a];
                    for (int b = 0; b < a; b++) {
                        v -= chol[c][a][b] * y[b];
                    }
                    y[a] = v / chol[c][a][a];
                    mahalanobis += y[a] * y[a];
                }
                resp[i][c] = Math.log(weights[c]) - 0.5 * (d * LOG_TWO_PI + logDet[c] + mahalanobis);
            }
            total += normalise(resp[i]);
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
}
