package dev.musicluster.clustering.domain.metrics;

/**
 * The expected mutual information of two labelings under the hypergeometric model of chance (Vinh, Epps and
 * Bailey, 2010), the correction of the adjusted mutual information. Log-factorials come from an exact table of
 * running sums of ln k.
 */
final class ExpectedMutualInformation {

    private ExpectedMutualInformation() {
    }

    static double of(ContingencyTable table) {
        int n = Math.toIntExact(table.total());
        double[] logFactorial = new double[n + 2];
        for (int k = 2; k < logFactorial.length; k++) {
            logFactorial[k] = logFactorial[k - 1] + Math.log(k);
        }
        double emi = 0;
        for (int i = 0; i < table.classes(); i++) {
            int a = Math.toIntExact(table.classSize(i));
            for (int j = 0; j < table.clusters(); j++) {
                int b = Math.toIntExact(table.clusterSize(j));
                int start = Math.max(1, a + b - n);
                int end = Math.min(a, b);
                for (int nij = start; nij <= end; nij++) {
                    double term = (double) nij / n * (Math.log((double) n * nij) - Math.log(a) - Math.log(b));
                    double logProbability = logFactorial[a] + logFactorial[b] + logFactorial[n - a] + logFactorial[n - b]
                            - logFactorial[n] - logFactorial[nij] - logFactorial[a - nij] - logFactorial[b - nij]
                            - logFactorial[n - a - b + nij];
                    emi += term * Math.exp(logProbability);
                }
            }
        }
        return emi;
    }
}
