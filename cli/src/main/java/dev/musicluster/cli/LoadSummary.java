package dev.musicluster.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The numbers of a load: how many songs made it, how fast, and the latency from ingest to features and to a cluster. */
record LoadSummary(int songs, int accepted, int refused, int clustered, double uploadSeconds, double totalSeconds,
                   Percentiles toFeatures, Percentiles toCluster) {

    record Percentiles(double p50, double p99, double max) {

        static Percentiles of(List<Double> values) {
            return new Percentiles(percentile(values, 50), percentile(values, 99), percentile(values, 100));
        }

        private static double percentile(List<Double> values, double p) {
            if (values.isEmpty()) {
                return Double.NaN;
            }
            double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }
    }

    int lost() {
        return songs - clustered;
    }

    /** From the gateway's listing of every song: the stages' times of the songs of this load. */
    static LoadSummary of(List<Map<String, Object>> all, Set<String> ids, BulkIngest.Report report, double uploadSeconds,
                          double totalSeconds) {
        List<Double> toFeatures = new ArrayList<>();
        List<Double> toCluster = new ArrayList<>();
        for (Map<String, Object> song : all) {
            if (!ids.contains(String.valueOf(song.get("id"))) || !SongStages.done(song, "cluster")) {
                continue;
            }
            Instant ingested = Instant.parse(String.valueOf(song.get("ingestedAt")));
            toFeatures.add(secondsBetween(ingested, SongStages.of(song, "features").get("at")));
            toCluster.add(secondsBetween(ingested, SongStages.of(song, "cluster").get("at")));
        }
        return new LoadSummary(ids.size(), report.accepted(), report.failures().size(), toCluster.size(), uploadSeconds, totalSeconds,
                Percentiles.of(toFeatures), Percentiles.of(toCluster));
    }

    private static double secondsBetween(Instant from, Object to) {
        return Duration.between(from, Instant.parse(String.valueOf(to))).toMillis() / 1e3;
    }

    void print(PrintStream console) {
        console.printf("%nsongs %d: %d accepted by the gateway, %d refused, %d clustered, %d failed or lost%n", songs, accepted, refused,
                clustered, lost());
        console.printf("upload  %.1f s: %.1f songs/s through the gateway%n", uploadSeconds, songs / uploadSeconds);
        console.printf("overall %.1f s: %.1f songs/s, %.0f songs/hour, from the first upload to the last cluster assignment%n",
                totalSeconds, clustered / totalSeconds, 3600 * clustered / totalSeconds);
        console.printf("latency ingest -> features: p50 %.1f s, p99 %.1f s, max %.1f s%n", toFeatures.p50(), toFeatures.p99(),
                toFeatures.max());
        console.printf("latency ingest -> cluster:  p50 %.1f s, p99 %.1f s, max %.1f s%n", toCluster.p50(), toCluster.p99(),
                toCluster.max());
    }
}
