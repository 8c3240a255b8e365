package dev.musicluster.gateway.domain;

import dev.musicluster.contracts.events.LatentEncoded;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every song's latest latent (from {@code latents}), for "songs that sound like this one": the nearest songs by
 * Euclidean distance among those encoded by the same model of the same run. An exact scan: fine for the
 * catalogue sizes one gateway holds in memory (0.1 ms per thousand songs at 32 dimensions).
 */
public class LatentIndex {

    private final Map<String, LatentEncoded> latents = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();

    /** Changes whenever a latent does. */
    public long version() {
        return version.get();
    }

    public void put(LatentEncoded latent) {
        latents.put(latent.songId(), latent);
        version.incrementAndGet();
    }

    public void remove(String songId) {
        if (latents.remove(songId) != null) {
            version.incrementAndGet();
        }
    }

    public Optional<LatentEncoded> find(String songId) {
        return Optional.ofNullable(latents.get(songId));
    }

    /** Up to {@code k} other songs of the same run and model, nearest first. */
    public List<Neighbour> nearest(String songId, int k) {
        LatentEncoded query = latents.get(songId);
        if (query == null) {
            return List.of();
        }
        // The k nearest in a bounded heap, farthest on top: O(n log k), not a sort of the library.
        Comparator<Neighbour> nearestFirst = Comparator.comparingDouble(Neighbour::distance).thenComparing(Neighbour::songId);
        java.util.PriorityQueue<Neighbour> kept = new java.util.PriorityQueue<>(k + 1, nearestFirst.reversed());
        for (LatentEncoded other : latents.values()) {
            if (!other.songId().equals(songId) && other.runId().equals(query.runId()) && other.model().equals(query.model())
                    && other.latent().length == query.latent().length) {
                kept.add(new Neighbour(other.songId(), distance(query.latent(), other.latent())));
                if (kept.size() > k) {
                    kept.poll();
                }
            }
        }
        List<Neighbour> out = new ArrayList<>(kept);
        out.sort(nearestFirst);
        return out;
    }

    private static double distance(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    /** A song and its distance to the query song in the latent space. */
    public record Neighbour(String songId, double distance) {
    }
}
