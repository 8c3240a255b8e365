package dev.musicluster.clustering.domain.evaluation;

import java.util.List;

/** One row of {@code clustering_metrics.csv}: a partition of one representation, scored against one label column. */
public record MetricsRow(String representation, String model, String algorithm, int k, long noise, String label,
                         double silhouette, double calinskiHarabasz, double daviesBouldin, double ari, double nmi,
                         double ami, double purity, double homogeneity, double completeness, double vMeasure,
                         int fittedOn) {

    /** {@code fitted_on}: the points the algorithm saw, fewer than the songs when it ran on a sample. */
    public static final List<String> HEADER = List.of("representation", "model", "algorithm", "k", "noise", "label",
            "silhouette", "calinski_harabasz", "davies_bouldin", "ari", "nmi", "ami", "purity", "homogeneity",
            "completeness", "v_measure", "fitted_on");

    public List<Object> values() {
        return List.of(representation, model, algorithm, k, noise, label, silhouette, calinskiHarabasz, daviesBouldin,
                ari, nmi, ami, purity, homogeneity, completeness, vMeasure, fittedOn);
    }
}
