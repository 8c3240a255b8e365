package dev.musicluster.clustering.domain.algorithms;

import java.util.List;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.kmeans.KMeansModel;
import org.tribuo.clustering.kmeans.KMeansTrainer;
import org.tribuo.math.distance.L2Distance;
import org.tribuo.math.la.DenseVector;

/**
 * Tribuo's KMeans with k-means++ seeding, run from {@code initialisations} seeds derived from {@code seed}; the
 * partition of least inertia (sum of squared distances to centroids) wins, as scikit-learn's n_init does.
 */
public final class KMeans implements Clusterer {

    private final int k;
    private final int initialisations;
    private final long seed;
    private final int threads;

    public KMeans(int k, int initialisations, long seed, int threads) {
        this.k = k;
        this.initialisations = initialisations;
        this.seed = seed;
        this.threads = threads;
    }

    @Override
    public String name() {
        return "kmeans";
    }

    @Override
    public Partition fit(double[][] points) {
        MutableDataset<ClusterID> data = TribuoData.of(points, "points");
        Partition best = null;
        for (int run = 0; run < initialisations; run++) {
            KMeansModel model = new KMeansTrainer(k, 300, new L2Distance(), KMeansTrainer.Initialisation.PLUSPLUS, threads,
                    seed + run).train(data);
            DenseVector[] centroids = model.getCentroidVectors();
            List<Prediction<ClusterID>> predictions = model.predict(data);
            int[] labels = new int[points.length];
            double inertia = 0;
            for (int i = 0; i < labels.length; i++) {
                labels[i] = predictions.get(i).getOutput().getID();
                for (int j = 0; j < points[i].length; j++) {
                    double difference = points[i][j] - centroids[labels[i]].get(j);
                    inertia += difference * difference;
                }
            }
            if (best == null || inertia < best.score()) {
                best = new Partition(labels, Partition.of(labels).clusters(), inertia);
            }
        }
        return best;
    }
}
