package dev.musicluster.clustering.domain.algorithms;

import java.util.List;
import org.tribuo.clustering.hdbscan.HdbscanModel;
import org.tribuo.clustering.hdbscan.HdbscanTrainer;

/**
 * Tribuo's HDBSCAN*: density-based, finds the number of clusters itself and leaves outliers out. Tribuo labels
 * noise 0 and clusters from 1; here noise is -1 and clusters are renumbered from 0.
 */
public final class Hdbscan implements Clusterer {

    private final int minClusterSize;

    public Hdbscan(int minClusterSize) {
        this.minClusterSize = minClusterSize;
    }

    @Override
    public String name() {
        return "hdbscan";
    }

    @Override
    public Partition fit(double[][] points) {
        HdbscanModel model = new HdbscanTrainer(minClusterSize).train(TribuoData.of(points, "points"));
        List<Integer> tribuo = model.getClusterLabels();
        java.util.Map<Integer, Integer> renumbered = new java.util.HashMap<>();
        int[] labels = new int[tribuo.size()];
        for (int i = 0; i < labels.length; i++) {
            int label = tribuo.get(i);
            labels[i] = label == 0 ? -1 : renumbered.computeIfAbsent(label, l -> renumbered.size());
        }
        return new Partition(labels, renumbered.size(), Double.NaN);
    }
}
