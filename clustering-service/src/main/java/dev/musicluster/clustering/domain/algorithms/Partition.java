package dev.musicluster.clustering.domain.algorithms;

import java.util.Arrays;

/**
 * Cluster ids 0..k-1 per point; -1 marks noise (DBSCAN, HDBSCAN).
 *
 * @param score what the algorithm optimised, where it has one (KMeans inertia, mixture BIC), else NaN
 */
public record Partition(int[] labels, int clusters, double score) {

    public static Partition of(int[] labels) {
        return new Partition(labels, (int) Arrays.stream(labels).filter(l -> l >= 0).distinct().count(), Double.NaN);
    }

    public long noise() {
        return Arrays.stream(labels).filter(l -> l < 0).count();
    }
}
