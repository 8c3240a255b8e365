package dev.musicluster.clustering.domain.metrics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts of every (class, cluster) pair of two labelings of the same items: the basis of every external metric.
 * Classes and clusters are any objects; they are numbered in order of first appearance.
 */
public final class ContingencyTable {

    private final long[][] counts;
    private final long[] rowSums;
    private final long[] columnSums;
    private final long total;

    private ContingencyTable(long[][] counts) {
        this.counts = counts;
        this.rowSums = new long[counts.length];
        this.columnSums = new long[counts.length == 0 ? 0 : counts[0].length];
        long sum = 0;
        for (int i = 0; i < counts.length; i++) {
            for (int j = 0; j < columnSums.length; j++) {
                rowSums[i] += counts[i][j];
                columnSums[j] += counts[i][j];
                sum += counts[i][j];
            }
        }
        this.total = sum;
    }

    public static <A, B> ContingencyTable of(List<A> classes, List<B> clusters) {
        if (classes.size() != clusters.size()) {
            throw new IllegalArgumentException(classes.size() + " class labels for " + clusters.size() + " cluster labels");
        }
        Map<A, Integer> rows = new HashMap<>();
        Map<B, Integer> columns = new HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            rows.putIfAbsent(classes.get(i), rows.size());
            columns.putIfAbsent(clusters.get(i), columns.size());
        }
        long[][] counts = new long[rows.size()][columns.size()];
        for (int i = 0; i < classes.size(); i++) {
            counts[rows.get(classes.get(i))][columns.get(clusters.get(i))]++;
        }
        return new ContingencyTable(counts);
    }

    public int classes() {
        return rowSums.length;
    }

    public int clusters() {
        return columnSums.length;
    }

    public long count(int row, int column) {
        return counts[row][column];
    }

    public long classSize(int row) {
        return rowSums[row];
    }

    public long clusterSize(int column) {
        return columnSums[column];
    }

    public long total() {
        return total;
    }

    /** Entropy (nats) of the class labeling. */
    public double classEntropy() {
        return entropy(rowSums, total);
    }

    /** Entropy (nats) of the cluster labeling. */
    public double clusterEntropy() {
        return entropy(columnSums, total);
    }

    /** Mutual information (nats) between classes and clusters. */
    public double mutualInformation() {
        double mi = 0;
        for (int i = 0; i < rowSums.length; i++) {
            for (int j = 0; j < columnSums.length; j++) {
                long nij = counts[i][j];
                if (nij > 0) {
                    mi += (double) nij / total * (Math.log(nij) + Math.log(total) - Math.log(rowSums[i]) - Math.log(columnSums[j]));
                }
            }
        }
        return Math.max(0.0, mi);
    }

    static double entropy(long[] sizes, long total) {
        double h = 0;
        for (long size : sizes) {
            if (size > 0) {
                double p = (double) size / total;
                h -= p * Math.log(p);
            }
        }
        return h;
    }
}
