package dev.musicluster.gateway.search;

import dev.musicluster.contracts.query.LyricsQuery;
import dev.musicluster.contracts.query.LyricsQueryVector;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The embedding service's query endpoint: a search text into the lyrics space (quarkus.rest-client.embedding.url). */
@RegisterRestClient(configKey = "embedding")
@Path("/api/embeddings")
public interface EmbeddingService {

    @POST
    LyricsQueryVector embed(LyricsQuery query);
}
