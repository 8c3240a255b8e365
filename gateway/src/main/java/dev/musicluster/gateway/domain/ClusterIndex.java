package dev.musicluster.gateway.domain;

import dev.musicluster.contracts.events.ClusterAssigned;
import dev.musicluster.contracts.events.ClusteringCompleted;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Every song's cluster under the active clustering (from {@code cluster.assignments}), grouped into clusters with
 * their members, descriptive tags, label make-up and representative songs (those nearest their cluster's centre).
 */
public class ClusterIndex {

    private final Map<String, ClusterAssigned> assignments = new ConcurrentHashMap<>();
    /** run/representation/algorithm → cluster → the tags that set it apart, from {@code clustering.results}. */
    private final Map<String, Map<Integer, List<String>>> descriptions = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();

    /** Changes whenever an assignment or a description does: readers keep what they derive until it changes. */
    public long version() {
        return version.get();
    }

    /** Keeps the cluster descriptions of a clustered model's primary partition. */
    public void describe(ClusteringCompleted completed) {
        descriptions.put(completed.runId() + "/" + completed.primaryRepresentation() + "/" + completed.primaryAlgorithm(),
                completed.clusterTags());
        version.incrementAndGet();
    }

    public void put(ClusterAssigned assigned) {
        assignments.put(assigned.songId(), assigned);
        version.incrementAndGet();
    }

    public void remove(String songId) {
        if (assignments.remove(songId) != null) {
            version.incrementAndGet();
        }
    }

    public Optional<ClusterAssigned> of(String songId) {
        return Optional.ofNullable(assignments.get(songId));
    }

    /** The clusters of the newest clustering (the run/representation/algorithm of the latest assignment). */
    public List<Cluster> clusters(Function<String, Map<String, String>> labelsOf, int representatives) {
        Optional<ClusterAssigned> newest = assignments.values().stream().max(Comparator.comparing(ClusterAssigned::assignedAt));
        if (newest.isEmpty()) {
            return List.of();
        }
        ClusterAssigned active = newest.get();
        Map<Integer, List<ClusterAssigned>> members = new TreeMap<>();
        for (ClusterAssigned a : assignments.values()) {
            if (a.runId().equals(active.runId()) && a.representation().equals(active.representation())
                    && a.algorithm().equals(active.algorithm())) {
                members.computeIfAbsent(a.cluster(), c -> new ArrayList<>()).add(a);
            }
        }
        List<Cluster> clusters = new ArrayList<>();
        Map<Integer, List<String>> tags = descriptions.getOrDefault(active.runId() + "/" + active.representation() + "/"
                + active.algorithm(), Map.of());
        members.forEach((cluster, songs) -> {
            songs.sort(Comparator.comparingDouble(ClusterAssigned::distance).thenComparing(ClusterAssigned::songId));
            Map<String, Map<String, Integer>> makeUp = new TreeMap<>();
            for (ClusterAssigned song : songs) {
                labelsOf.apply(song.songId()).forEach((column, value) ->
                        makeUp.computeIfAbsent(column, c -> new TreeMap<>()).merge(value, 1, Integer::sum));
            }
            clusters.add(new Cluster(active.runId(), active.representation(), active.algorithm(), cluster, songs.size(),
                    tags.getOrDefault(cluster, List.of()), makeUp,
                    songs.stream().limit(representatives).map(ClusterAssigned::songId).toList(),
                    songs.stream().map(ClusterAssigned::songId).sorted().toList()));
        });
        return clusters;
    }

    /**
     * One cluster: its size, the musicnn tags that set it apart from the collection (best first; empty without
     * musicnn), how its songs' labels are distributed (for looking, never for clustering), its representative songs
     * (nearest its centre first) and all its members. Cluster -1 holds the noise.
     */
    public record Cluster(String runId, String representation, String algorithm, int cluster, int size, List<String> tags,
                          Map<String, Map<String, Integer>> labels, List<String> representatives, List<String> members) {
    }
}
