package dev.musicluster.feature.domain.summary;

/** Mean and population standard deviation of a stream of values (Welford's method: stable, one pass). */
final class RunningStats {

    private long count;
    private double mean;
    private double m2;

    void add(double value) {
        count++;
        double delta = value - mean;
        mean += delta / count;
        m2 += delta * (value - mean);
    }

    double mean() {
        return count == 0 ? 0 : mean;
    }

    double std() {
        return count == 0 ? 0 : Math.sqrt(m2 / count);
    }
}
