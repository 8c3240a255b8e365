package dev.musicluster.clustering.domain.algorithms;

import java.util.Arrays;

/**
 * Cluster ids 0..k-1 per point; -1 marks noise (DBSCAN, HDBSCAN).
 *
 * @param score    what the algorithm optimised, where it has one (KMeans inertia, mixture BIC), else NaN
 * @param fittedOn how many of the points the algorithm itself saw: all of them, or a sample whose clusters' centres
 *                 gave the others their labels ({@link Algorithms#MAX_QUADRATIC_POINTS})
 */
public record Partition(int[] labels, int clusters, double score, int fittedOn) {

    /** A partition the algorithm made of every point. */
    public Partition(int[] labels, int clusters, double score) {
        this(labels, clusters, score, labels.length);
    }

    public boolean sampled() {
        return fittedOn < labels.length;
    }

    public static Partition of(int[] labels) {
        return new Partition(labels, (int) Arrays.stream(labels).filter(l -> l >= 0).distinct().count(), Double.NaN);
    }

    public long noise() {
        return Arrays.stream(labels).filter(l -> l < 0).count();
    }
}
