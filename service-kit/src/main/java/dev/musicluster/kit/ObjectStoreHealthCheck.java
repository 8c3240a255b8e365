package dev.musicluster.kit;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the bucket can be reached: a service that cannot store its output should get no traffic. */
@Readiness
@ApplicationScoped
public class ObjectStoreHealthCheck implements HealthCheck {

    private final ObjectStore store;

    public ObjectStoreHealthCheck(ObjectStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            store.ensureBucket();
            return HealthCheckResponse.named("object-store").up().withData("bucket", store.bucket()).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("object-store").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
