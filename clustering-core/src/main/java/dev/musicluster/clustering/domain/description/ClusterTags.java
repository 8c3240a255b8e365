package dev.musicluster.clustering.domain.description;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Words for people: each cluster described by the tags that set it apart (a song's own tags are
 * {@code MusicnnTags.top}). A
 * cluster's tag scores are the standardised differences between its members' mean tag probability and the whole
 * collection's, (mean in cluster − mean overall) / standard deviation overall: a tag every song has ("rock" in a
 * rock collection) does not describe any one cluster, one that only its members have does. A tag name shared by two
 * networks (rock, pop, electronic...) counts once, with its better score. Tags describe; they never cluster.
 */
public final class ClusterTags {

    private ClusterTags() {
    }

    /** A tag and how far the cluster's mean lies above the collection's, in standard deviations. */
    public record Scored(String tag, double score) {
    }

    /**
     * @param labels cluster per song (-1: noise, not described)
     * @param tags   tag probabilities per song, in the order of {@code names}
     * @return cluster → its top {@code count} tags with a positive score, best first
     */
    public static Map<Integer, List<Scored>> ofClusters(int[] labels, double[][] tags, List<String> names, int count) {
        int width = names.size();
        double[] mean = new double[width];
        double[] std = new double[width];
        for (double[] song : tags) {
            for (int t = 0; t < width; t++) {
                mean[t] += song[t] / tags.length;
            }
        }
        for (double[] song : tags) {
            for (int t = 0; t < width; t++) {
                std[t] += (song[t] - mean[t]) * (song[t] - mean[t]) / tags.length;
            }
        }
        for (int t = 0; t < width; t++) {
            std[t] = Math.sqrt(std[t]);
        }
        Map<Integer, double[]> sums = new TreeMap<>();
        Map<Integer, Integer> sizes = new TreeMap<>();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                continue;
            }
            double[] sum = sums.computeIfAbsent(labels[i], c -> new double[width]);
            for (int t = 0; t < width; t++) {
                sum[t] += tags[i][t];
            }
            sizes.merge(labels[i], 1, Integer::sum);
        }
        Map<Integer, List<Scored>> out = new LinkedHashMap<>();
        sums.forEach((cluster, sum) -> {
            double[] score = new double[width];
            for (int t = 0; t < width; t++) {
                score[t] = std[t] < 1e-9 ? 0 : (sum[t] / sizes.get(cluster) - mean[t]) / std[t];
            }
            out.put(cluster, best(score, names, count));
        });
        return out;
    }

    private static List<Scored> best(double[] values, List<String> names, int count) {
        Map<String, Double> byName = new LinkedHashMap<>();
        IntStream.range(0, values.length).forEach(t -> byName.merge(names.get(t), values[t], Math::max));
        List<Scored> ranked = new ArrayList<>();
        byName.forEach((name, value) -> {
            if (value > 0) {
                ranked.add(new Scored(name, value));
            }
        });
        ranked.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::tag));
        return List.copyOf(ranked.subList(0, Math.min(count, ranked.size())));
    }
}
