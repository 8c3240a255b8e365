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

    /** Bytes for storage: the document count, then each bucket's frequency, big-endian ints. */
    public synchronized byte[] toBytes() {
        java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(8 + 4 * frequencies.length);
        out.putInt(frequencies.length).putInt(documents);
        for (int frequency : frequencies) {
            out.putInt(frequency);
        }
        return out.array();
    }

    public static DocumentFrequencies fromBytes(byte[] bytes) {
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        DocumentFrequencies restored = new DocumentFrequencies(in.getInt());
        restored.documents = in.getInt();
        for (int i = 0; i < restored.frequencies.length; i++) {
            restored.frequencies[i] = in.getInt();
        }
        return restored;
    }
}
