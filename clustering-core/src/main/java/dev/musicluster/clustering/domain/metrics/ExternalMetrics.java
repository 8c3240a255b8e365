package dev.musicluster.clustering.domain.metrics;

/**
 * How well clusters match known classes, with scikit-learn's definitions (verified against scikit-learn 1.2.1):
 * adjusted Rand index, mutual information normalised by the arithmetic mean of the entropies (NMI), adjusted for
 * chance (AMI), purity, homogeneity, completeness and V-measure (β = 1).
 */
public final class ExternalMetrics {

    private ExternalMetrics() {
    }

    public static double adjustedRandIndex(ContingencyTable table) {
        long n = table.total();
        double sumCells = 0;
        for (int i = 0; i < table.classes(); i++) {
            for (int j = 0; j < table.clusters(); j++) {
                sumCells += pairs(table.count(i, j));
            }
        }
        double sumRows = 0;
        for (int i = 0; i < table.classes(); i++) {
            sumRows += pairs(table.classSize(i));
        }
        double sumColumns = 0;
        for (int j = 0; j < table.clusters(); j++) {
            sumColumns += pairs(table.clusterSize(j));
        }
        double expected = sumRows * sumColumns / pairs(n);
        double maximum = (sumRows + sumColumns) / 2;
        // Perfect agreement of trivial labelings (one cluster each, or all singletons), as scikit-learn rules.
        if (maximum == expected) {
            return 1.0;
        }
        return (sumCells - expected) / (maximum - expected);
    }

    public static double normalizedMutualInformation(ContingencyTable table) {
        if (trivial(table)) {
            return 1.0;
        }
        double mi = table.mutualInformation();
        double normaliser = (table.classEntropy() + table.clusterEntropy()) / 2;
        return mi / Math.max(normaliser, Math.ulp(1.0));
    }

    public static double adjustedMutualInformation(ContingencyTable table) {
        if (trivial(table)) {
            return 1.0;
        }
        double mi = table.mutualInformation();
        double emi = ExpectedMutualInformation.of(table);
        double normaliser = (table.classEntropy() + table.clusterEntropy()) / 2;
        double denominator = normaliser - emi;
        // As scikit-learn: keep the sign of a tiny denominator and bound its magnitude away from zero.
        double epsilon = Math.ulp(1.0);
        denominator = denominator < 0 ? Math.min(denominator, -epsilon) : Math.max(denominator, epsilon);
        return (mi - emi) / denominator;
    }

    /** The share of items in the majority class of their cluster. */
    public static double purity(ContingencyTable table) {
        long majority = 0;
        for (int j = 0; j < table.clusters(); j++) {
            long best = 0;
            for (int i = 0; i < table.classes(); i++) {
                best = Math.max(best, table.count(i, j));
            }
            majority += best;
        }
        return (double) majority / table.total();
    }

    public static double homogeneity(ContingencyTable table) {
        double classEntropy = table.classEntropy();
        return classEntropy == 0 ? 1.0 : table.mutualInformation() / classEntropy;
    }

    public static double completeness(ContingencyTable table) {
        double clusterEntropy = table.clusterEntropy();
        return clusterEntropy == 0 ? 1.0 : table.mutualInformation() / clusterEntropy;
    }

    public static double vMeasure(ContingencyTable table) {
        double h = homogeneity(table);
        double c = completeness(table);
        return h + c == 0 ? 0.0 : 2 * h * c / (h + c);
    }

    /** One class and one cluster: no information to share, which scikit-learn defines as perfect agreement. */
    private static boolean trivial(ContingencyTable table) {
        return table.classes() == 1 && table.clusters() == 1;
    }

    private static double pairs(long n) {
        return n * (n - 1) / 2.0;
    }
}
