package dev.musicluster.gateway.search;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The embedding service's query endpoint: a search text into the lyrics space (quarkus.rest-client.embedding.url). */
@RegisterRestClient(configKey = "embedding")
@Path("/api/embeddings")
public interface EmbeddingService {

    record Query(String text) {
    }

    record QueryVector(float[] vector, int dimension, String embedderId, String embedderVersion, String language,
                       double languageConfidence, int tokens, boolean truncated) {
    }

    @POST
    QueryVector embed(Query query);
}
