package dev.musicluster.gateway.api;

import dev.musicluster.gateway.domain.LibraryState;
import dev.musicluster.gateway.domain.SongCatalog;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/library")
@Tag(name = "Songs")
@Produces(MediaType.APPLICATION_JSON)
public class LibraryResource {

    private final SongCatalog catalog;

    public LibraryResource(SongCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @Operation(summary = "Where the library stands: songs analysed, pending, failed with their reasons, removed")
    public LibraryState state() {
        return LibraryState.of(catalog);
    }
}
