package dev.musicluster.clustering.domain;

/** Euclidean distances between points given as rows, the one geometry of the clustering domain. */
public final class Euclidean {

    private Euclidean() {
    }

    /**
     * Four independent sums: one sum's additions wait on each other (the JIT may not reorder them), four keep the
     * floating-point units busy; at 400 dimensions this is about three times faster (docs/performance.md).
     */
    public static double squared(double[] a, double[] b) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int d = 0;
        for (int end = a.length - 3; d < end; d += 4) {
            double d0 = a[d] - b[d];
            double d1 = a[d + 1] - b[d + 1];
            double d2 = a[d + 2] - b[d + 2];
            double d3 = a[d + 3] - b[d + 3];
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        for (; d < a.length; d++) {
            double difference = a[d] - b[d];
            s0 += difference * difference;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Σ wᵢ (aᵢ − bᵢ)²: the squared distance with a weight per dimension (a diagonal Gaussian's Mahalanobis distance,
     * its weights the precisions), four sums as {@link #squared}.
     */
    public static double weightedSquared(double[] a, double[] b, double[] weights) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int d = 0;
        for (int end = a.length - 3; d < end; d += 4) {
            double d0 = a[d] - b[d];
            double d1 = a[d + 1] - b[d + 1];
            double d2 = a[d + 2] - b[d + 2];
            double d3 = a[d + 3] - b[d + 3];
            s0 += d0 * d0 * weights[d];
            s1 += d1 * d1 * weights[d + 1];
            s2 += d2 * d2 * weights[d + 2];
            s3 += d3 * d3 * weights[d + 3];
        }
        for (; d < a.length; d++) {
            double difference = a[d] - b[d];
            s0 += difference * difference * weights[d];
        }
        return (s0 + s1) + (s2 + s3);
    }

    public static double distance(double[] a, double[] b) {
        return Math.sqrt(squared(a, b));
    }
}
