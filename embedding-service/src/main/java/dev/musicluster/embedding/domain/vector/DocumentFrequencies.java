package dev.musicluster.embedding.domain.vector;

import java.util.Map;

/**
 * In how many documents of the corpus each n-gram bucket occurs, and the inverse document frequency it gives:
 * idf = ln((1 + N) / (1 + df)) + 1 (smoothed, never zero). An empty corpus gives every bucket the same weight.
 * Fitted on the ingested lyrics and refitted on request; thread-safe for reads once built.
 */
public final class DocumentFrequencies {

    private final int[] frequencies;
    private int documents;

    public DocumentFrequencies(int buckets) {
        this.frequencies = new int[buckets];
    }

    public synchronized void add(Map<Integer, Integer> counts) {
        counts.keySet().forEach(bucket -> frequencies[bucket]++);
        documents++;
    }

    public synchronized double idf(int bucket) {
        return Math.log((1.0 + documents) / (1.0 + frequencies[bucket])) + 1.0;
    }

    public synchronized int documents() {
        return documents;
    }

    public int buckets() {
        return frequencies.length;
    }
}
