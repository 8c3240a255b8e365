package dev.musicluster.clustering.app;

import dev.musicluster.clustering.domain.algorithms.NearestCentre;
import dev.musicluster.clustering.domain.algorithms.Partition;
import dev.musicluster.contracts.events.ClusterAssigned;
import dev.musicluster.contracts.events.LatentEncoded;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The clustering new songs are assigned to: the primary model's partition under the primary algorithm of the
 * latest clustered run. A latent of that model is assigned at once (its song's own cluster if the song was
 * clustered, else the nearest centre); a latent of any other model waits, since its clustering may be on its way
 * (the training service publishes a model before its latents, but the two topics are read independently); the
 * waiting latents of a model are dropped once a newer clustering replaces it.
 */
@ApplicationScoped
public class ActiveClustering {

    private Active active;
    /** run/model → song → latent, for latents that arrived before their model's clustering. */
    private final Map<String, Map<String, float[]>> waiting = new HashMap<>();

    /** Makes a partition active; returns every song's assignment, the clustered ones and those that waited. */
    public synchronized List<ClusterAssigned> activate(String runId, String model, String algorithm, List<String> ids,
                                                       double[][] latents, Partition partition) {
        Map<String, Integer> members = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            members.put(ids.get(i), partition.labels()[i]);
        }
        if (active != null) {
            waiting.remove(active.tag());
        }
        active = new Active(runId, model, algorithm, NearestCentre.of(latents, partition.labels()), members, new HashSet<>());
        List<ClusterAssigned> out = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < ids.size(); i++) {
            int cluster = partition.labels()[i];
            out.add(new ClusterAssigned(ClusterAssigned.SCHEMA_VERSION, ids.get(i), runId, model, algorithm, cluster,
                    active.centres().distance(latents[i], cluster), false, now));
        }
        Map<String, float[]> pending = waiting.remove(active.tag());
        if (pending != null) {
            pending.forEach((songId, latent) -> {
                if (!members.containsKey(songId)) {
                    out.add(assignNew(songId, latent, now));
                }
            });
        }
        return out;
    }

    /** A removed song: no latent of it waits for a clustering any more. */
    public synchronized void forget(String songId) {
        waiting.values().forEach(latents -> latents.remove(songId));
    }

    public synchronized List<ClusterAssigned> onLatent(LatentEncoded latent) {
        String tag = latent.runId() + "/" + latent.model();
        if (active != null && active.tag().equals(tag)) {
            return unassigned(latent) ? List.of(assignNew(latent.songId(), latent.latent(), Instant.now())) : List.of();
        }
        waiting.computeIfAbsent(tag, t -> new HashMap<>()).put(latent.songId(), latent.latent());
        return List.of();
    }

    /**
     * Assigns the latents of the active model that are neither among its clustered songs nor assigned already. A
     * latent that reached this service before its model's clustering waits in memory; one that waited when the
     * service was stopped is gone from memory but not from the compacted {@code latents} topic, which this reads back.
     */
    public synchronized List<ClusterAssigned> catchUp(Collection<LatentEncoded> latents, Predicate<LatentEncoded> assigned) {
        List<ClusterAssigned> out = new ArrayList<>();
        Instant now = Instant.now();
        for (LatentEncoded latent : latents) {
            if (active != null && active.tag().equals(latent.runId() + "/" + latent.model()) && unassigned(latent)
                    && !assigned.test(latent)) {
                out.add(assignNew(latent.songId(), latent.latent(), now));
            }
        }
        return out;
    }

    /** Neither a clustered song of the active model nor one assigned to it since its activation. */
    private boolean unassigned(LatentEncoded latent) {
        return !active.members().containsKey(latent.songId()) && !active.online().contains(latent.songId());
    }

    private ClusterAssigned assignNew(String songId, float[] latent, Instant now) {
        double[] point = new double[latent.length];
        for (int i = 0; i < latent.length; i++) {
            point[i] = latent[i];
        }
        int cluster = active.centres().assign(point);
        active.online().add(songId);
        return new ClusterAssigned(ClusterAssigned.SCHEMA_VERSION, songId, active.runId(), active.model(), active.algorithm(),
                cluster, active.centres().distance(point, cluster), true, now);
    }

    /** {@code online}: the songs assigned since activation, so that the live path and the read-back never both assign one. */
    private record Active(String runId, String model, String algorithm, NearestCentre centres, Map<String, Integer> members,
                          Set<String> online) {
        String tag() {
            return runId + "/" + model;
        }
    }
}
