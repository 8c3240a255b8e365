package dev.musicluster.embedding.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Normalised mutual information with the arithmetic-mean normalisation (scikit-learn's default), for tests. */
public final class MutualInformation {

    private MutualInformation() {
    }

    public static <A, B> double nmi(List<A> labels, List<B> clusters) {
        int n = labels.size();
        Map<A, Integer> a = new HashMap<>();
        Map<B, Integer> b = new HashMap<>();
        Map<List<Object>, Integer> joint = new HashMap<>();
        for (int i = 0; i < n; i++) {
            a.merge(labels.get(i), 1, Integer::sum);
            b.merge(clusters.get(i), 1, Integer::sum);
            joint.merge(List.of(labels.get(i), clusters.get(i)), 1, Integer::sum);
        }
        double mi = 0;
        for (Map.Entry<List<Object>, Integer> entry : joint.entrySet()) {
            double pxy = entry.getValue() / (double) n;
            double px = a.get(entry.getKey().get(0)) / (double) n;
            double py = b.get(entry.getKey().get(1)) / (double) n;
            mi += pxy * Math.log(pxy / (px * py));
        }
        double denominator = (entropy(a, n) + entropy(b, n)) / 2;
        return denominator == 0 ? 1.0 : mi / denominator;
    }

    private static <K> double entropy(Map<K, Integer> counts, int n) {
        double h = 0;
        for (int count : counts.values()) {
            double p = count / (double) n;
            h -= p * Math.log(p);
        }
        return h;
    }
}
