package dev.musicluster.feature.domain.summary;

/**
 * The mean of the k largest or smallest values of a range, for small k, without sorting the range: a running
 * list of the k best so far, in O(n·k) worst case and close to O(n) on spectra.
 */
final class Extremes {

    private Extremes() {
    }

    static double meanOfLargest(double[] values, int from, int to, int k) {
        return meanOfBest(values, from, to, k, 1.0);
    }

    static double meanOfSmallest(double[] values, int from, int to, int k) {
        return meanOfBest(values, from, to, k, -1.0);
    }

    /** sign +1 keeps the largest, -1 the smallest. */
    private static double meanOfBest(double[] values, int from, int to, int k, double sign) {
        int keep = Math.min(k, to - from);
        double[] best = new double[keep];
        int filled = 0;
        for (int i = from; i < to; i++) {
            double v = sign * values[i];
            if (filled < keep) {
                int j = filled++;
                while (j > 0 && best[j - 1] > v) {
                    best[j] = best[j - 1];
                    j--;
                }
                best[j] = v;
            } else if (v > best[0]) {
                int j = 0;
                while (j + 1 < keep && best[j + 1] < v) {
                    best[j] = best[j + 1];
                    j++;
                }
                best[j] = v;
            }
        }
        double sum = 0;
        for (double v : best) {
            sum += v;
        }
        return sign * sum / Math.max(1, keep);
    }
}
