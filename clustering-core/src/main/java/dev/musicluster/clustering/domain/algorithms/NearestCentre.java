package dev.musicluster.clustering.domain.algorithms;

import dev.musicluster.clustering.domain.Euclidean;

/**
 * Assigns new points to a fixed partition: each cluster is represented by the mean of its members (noise left
 * out), and a point joins the cluster whose centre is nearest. For k-means these are its centroids; for the other
 * algorithms it is the natural out-of-sample rule that needs no refit.
 */
public final class NearestCentre {

    private final double[][] centres;

    private NearestCentre(double[][] centres) {
        this.centres = centres;
    }

    public static NearestCentre of(double[][] points, int[] labels) {
        int k = 0;
        for (int label : labels) {
            k = Math.max(k, label + 1);
        }
        int d = points.length == 0 ? 0 : points[0].length;
        double[][] centres = new double[k][d];
        int[] sizes = new int[k];
        for (int i = 0; i < points.length; i++) {
            if (labels[i] < 0) {
                continue;
            }
            sizes[labels[i]]++;
            for (int j = 0; j < d; j++) {
                centres[labels[i]][j] += points[i][j];
            }
        }
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d && sizes[c] > 0; j++) {
                centres[c][j] /= sizes[c];
            }
        }
        return new NearestCentre(centres);
    }

    public int clusters() {
        return centres.length;
    }

    /** The nearest cluster, or -1 when the partition has no cluster at all (all noise). */
    public int assign(double[] point) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centres.length; c++) {
            double distance = Euclidean.distance(point, centres[c]);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = c;
            }
        }
        return best;
    }

    public double distance(double[] point, int cluster) {
        return cluster < 0 ? Double.NaN : Euclidean.distance(point, centres[cluster]);
    }
}
