package dev.musicluster.embedding.api;

import dev.musicluster.contracts.query.LyricsQuery;
import dev.musicluster.contracts.query.LyricsQueryVector;
import dev.musicluster.embedding.app.LyricsEmbedding;
import dev.musicluster.embedding.domain.text.InvalidTextException;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A search text embedded like the songs' lyrics, for the gateway's search: synchronous, since a person waits on it,
 * and internal (the gateway is the public API).
 */
@Path("/api/embeddings")
public class QueryResource {

    private final LyricsEmbedding embedding;

    public QueryResource(LyricsEmbedding embedding) {
        this.embedding = embedding;
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public LyricsQueryVector embed(LyricsQuery query) {
        if (query == null || query.text() == null || query.text().isBlank()) {
            throw new IllegalArgumentException("a search needs a non-empty text");
        }
        if (query.text().length() > LyricsQuery.MAX_CHARS) {
            throw new IllegalArgumentException("a search text has at most " + LyricsQuery.MAX_CHARS + " characters, not "
                    + query.text().length());
        }
        LyricsEmbedding.Embedded e = embedding.query(query.text());
        return new LyricsQueryVector(e.vector().values(), e.vector().dimension(), e.vector().embedderId(), e.vector().embedderVersion(),
                e.language().language(), e.language().confidence(), e.tokens(), e.truncated());
    }

    @ServerExceptionMapper
    public Response invalid(IllegalArgumentException e) {
        return Response.status(400).type(MediaType.APPLICATION_JSON).entity(Map.of("status", 400, "error", e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response invalidText(InvalidTextException e) {
        return invalid(new IllegalArgumentException(e.getMessage()));
    }
}
