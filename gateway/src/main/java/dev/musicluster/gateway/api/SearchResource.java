package dev.musicluster.gateway.api;

import dev.musicluster.contracts.query.LyricsQuery;
import dev.musicluster.contracts.query.LyricsQueryVector;
import dev.musicluster.gateway.domain.ClusterIndex;
import dev.musicluster.gateway.domain.LyricsIndex;
import dev.musicluster.gateway.domain.Song;
import dev.musicluster.gateway.domain.SongCatalog;
import dev.musicluster.gateway.search.EmbeddingService;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

@Path("/api/search")
@Tag(name = "Search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    private final EmbeddingService embeddings;
    private final LyricsIndex lyrics;
    private final SongCatalog catalog;
    private final ClusterIndex clusters;

    public SearchResource(@RestClient EmbeddingService embeddings, LyricsIndex lyrics, SongCatalog catalog, ClusterIndex clusters) {
        this.embeddings = embeddings;
        this.lyrics = lyrics;
        this.catalog = catalog;
        this.clusters = clusters;
    }

    /** What the search text was read as, and the songs whose lyrics are nearest it. */
    public record SearchAnswer(String text, String space, String language, String embedder, List<Hit> results) {
    }

    /** A song found, its similarity (cosine, 1 = same direction), its lyrics' language and its cluster when it has one. */
    public record Hit(String id, String title, String artist, double similarity, String language, Integer cluster) {
    }

    @GET
    @Blocking
    @Operation(summary = "Songs by what they sing", description = "Embeds the text like lyrics (any language the embedding "
            + "service knows) and returns the songs whose lyrics are nearest it by cosine similarity in the lyrics space.")
    public SearchAnswer search(@QueryParam("text") String text, @QueryParam("k") @DefaultValue("10") int k) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("text= is required: the words to search the lyrics for");
        }
        if (text.length() > LyricsQuery.MAX_CHARS) {
            throw new IllegalArgumentException("text has at most " + LyricsQuery.MAX_CHARS + " characters, not " + text.length());
        }
        if (k < 1 || k > 100) {
            throw new IllegalArgumentException("k is between 1 and 100, not " + k);
        }
        LyricsQueryVector query;
        try {
            query = embeddings.embed(new LyricsQuery(text));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 400) {
                throw new IllegalArgumentException("the embedding service refused the text: " + e.getResponse().readEntity(String.class));
            }
            throw new WebApplicationException("the embedding service answered " + e.getResponse().getStatus(), 502);
        } catch (RuntimeException e) {
            throw new WebApplicationException("the embedding service is unreachable: " + e.getMessage(), 503);
        }
        List<Hit> hits = lyrics.nearest(query.vector(), query.embedderId(), k).stream().map(match -> {
            Song song = catalog.find(match.songId()).orElse(null);
            Integer cluster = clusters.of(match.songId()).map(a -> a.cluster()).orElse(null);
            return new Hit(match.songId(), song == null ? null : song.ingested().title(), song == null ? null : song.ingested().artist(),
                    match.similarity(), match.language(), cluster);
        }).toList();
        return new SearchAnswer(text, "lyrics", query.language(), query.embedderId(), hits);
    }
}
