package dev.musicluster.clustering.domain.algorithms;

import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** Points as a Tribuo dataset of unlabelled examples, features named f0000, f0001, ... */
final class TribuoData {

    private TribuoData() {
    }

    static MutableDataset<ClusterID> of(double[][] points, String source) {
        ClusteringFactory factory = new ClusteringFactory();
        MutableDataset<ClusterID> data = new MutableDataset<>(new SimpleDataSourceProvenance(source, factory), factory);
        String[] names = new String[points.length == 0 ? 0 : points[0].length];
        for (int j = 0; j < names.length; j++) {
            names[j] = String.format("f%04d", j);
        }
        for (double[] point : points) {
            data.add(new ArrayExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID, names, point.clone()));
        }
        return data;
    }
}
