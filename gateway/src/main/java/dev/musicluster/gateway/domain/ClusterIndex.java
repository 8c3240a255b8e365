package dev.musicluster.gateway.domain;

import dev.musicluster.contracts.events.ClusterAssigned;
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
 * their members, label make-up and representative songs (those nearest their cluster's centre).
 */
public class ClusterIndex {

    private final Map<String, ClusterAssigned> assignments = new ConcurrentHashMap<>();

    public void put(ClusterAssigned assigned) {
        assignments.put(assigned.songId(), assigned);
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
        members.forEach((cluster, songs) -> {
            songs.sort(Comparator.comparingDouble(ClusterAssigned::distance).thenComparing(ClusterAssigned::songId));
            Map<String, Map<String, Integer>> makeUp = new TreeMap<>();
            for (ClusterAssigned song : songs) {
                labelsOf.apply(song.songId()).forEach((column, value) ->
                        makeUp.computeIfAbsent(column, c -> new TreeMap<>()).merge(value, 1, Integer::sum));
            }
            clusters.add(new Cluster(active.runId(), active.representation(), active.algorithm(), cluster, songs.size(), makeUp,
                    songs.stream().limit(representatives).map(ClusterAssigned::songId).toList(),
                    songs.stream().map(ClusterAssigned::songId).sorted().toList()));
        });
        return clusters;
    }

    /**
     * One cluster: its size, how its songs' labels are distributed (for looking, never for clustering), its
     * representative songs (nearest its centre first) and all its members. Cluster -1 holds the noise.
     */
    public record Cluster(String runId, String representation, String algorithm, int cluster, int size,
                          Map<String, Map<String, Integer>> labels, List<String> representatives, List<String> members) {
    }
}
