package dev.musicluster.clustering.domain;

/** Euclidean distances between points given as rows, the one geometry of the clustering domain. */
public final class Euclidean {

    private Euclidean() {
    }

    public static double squared(double[] a, double[] b) {
        double sum = 0;
        for (int d = 0; d < a.length; d++) {
            double difference = a[d] - b[d];
            sum += difference * difference;
        }
        return sum;
    }

    public static double distance(double[] a, double[] b) {
        return Math.sqrt(squared(a, b));
    }
}
