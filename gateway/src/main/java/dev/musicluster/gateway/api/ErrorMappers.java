package dev.musicluster.gateway.api;

import dev.musicluster.gateway.ingest.IngestRejected;
import dev.musicluster.gateway.library.NoClusteringYet;
import dev.musicluster.gateway.library.NotInLibrary;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every refusal is JSON with the status and a sentence a person can act on. */
public class ErrorMappers {

    public record ApiError(int status, String error) {
    }

    @ServerExceptionMapper
    public Response rejected(IngestRejected e) {
        return error(e.status(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response invalid(IllegalArgumentException e) {
        return error(400, e.getMessage());
    }

    @ServerExceptionMapper
    public Response notInLibrary(NotInLibrary e) {
        return error(404, e.getMessage());
    }

    @ServerExceptionMapper
    public Response noClustering(NoClusteringYet e) {
        return error(409, e.getMessage());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String message = status == 413 ? "upload larger than the configured limit (musicluster.gateway.max-upload-size)"
                : e.getMessage();
        return error(status, message);
    }

    private static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ApiError(status, message)).build();
    }
}
