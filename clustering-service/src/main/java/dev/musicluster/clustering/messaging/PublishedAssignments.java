package dev.musicluster.clustering.messaging;

import dev.musicluster.contracts.Topics;
import dev.musicluster.contracts.events.ClusterAssigned;
import dev.musicluster.contracts.events.EventCodec;
import dev.musicluster.kit.CompactedTopicReader;
import dev.musicluster.kit.PublishedWork;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;

/** The assignments already on {@code cluster.assignments}, by the run and model of the latent, restored at start. */
@ApplicationScoped
public class PublishedAssignments {

    @Produces
    @ApplicationScoped
    PublishedWork published() {
        return new PublishedWork(Topics.CLUSTER_ASSIGNMENTS.name(), json -> {
            ClusterAssigned assigned = EventCodec.fromJson(json, ClusterAssigned.class);
            return fingerprint(assigned.runId(), assigned.representation());
        });
    }

    static String fingerprint(String runId, String model) {
        return PublishedWork.fingerprint(runId, model);
    }

    void restore(@Observes StartupEvent start, PublishedWork published, CompactedTopicReader reader) {
        published.restore(reader);
    }
}
