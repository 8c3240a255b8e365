package dev.musicluster.gateway.api;

import dev.musicluster.gateway.domain.LibraryState;
import dev.musicluster.gateway.domain.SongCatalog;
import dev.musicluster.kit.ObjectStore;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/library")
@Tag(name = "Songs")
@Produces(MediaType.APPLICATION_JSON)
public class LibraryResource {

    /** The system's identity, made once, kept in the store with everything it knows. */
    static final String SYSTEM_KEY = "system/id.txt";

    private final SongCatalog catalog;
    private final ObjectStore store;
    private volatile String system;

    public LibraryResource(SongCatalog catalog, ObjectStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    @GET
    @Blocking
    @Operation(summary = "Where the library stands: songs analysed, pending, failed with their reasons, removed")
    public LibraryState state() throws IOException {
        return LibraryState.of(system(), catalog);
    }

    private synchronized String system() throws IOException {
        if (system == null) {
            if (!store.exists(SYSTEM_KEY)) {
                store.put(SYSTEM_KEY, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8), "text/plain");
            }
            system = new String(store.get(SYSTEM_KEY), StandardCharsets.UTF_8).strip();
        }
        return system;
    }
}
