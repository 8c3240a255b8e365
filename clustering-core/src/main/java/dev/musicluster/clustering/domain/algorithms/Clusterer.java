package dev.musicluster.clustering.domain.algorithms;

/** A clustering algorithm with its settings. Points are rows; the result never looks at any label. */
public interface Clusterer {

    /** A name with the settings that matter, e.g. {@code agglomerative-ward}, for results tables. */
    String name();

    Partition fit(double[][] points);
}
