package dev.musicluster.gateway.api;

import dev.musicluster.contracts.MusicnnTags;
import dev.musicluster.contracts.query.LyricsQuery;
import dev.musicluster.contracts.query.LyricsQueryVector;
import dev.musicluster.gateway.domain.ClusterIndex;
import dev.musicluster.gateway.domain.LyricsIndex;
import dev.musicluster.gateway.domain.Song;
import dev.musicluster.gateway.domain.SongCatalog;
import dev.musicluster.gateway.library.ListeningLibrary;
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
import java.util.Map;
import java.util.TreeSet;
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
    private final ListeningLibrary library;

    public SearchResource(@RestClient EmbeddingService embeddings, LyricsIndex lyrics, SongCatalog catalog, ClusterIndex clusters,
                          ListeningLibrary library) {
        this.library = library;
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

    /** What the words were read as, and the songs ranked by those tags. */
    public record SoundAnswer(String text, List<String> tags, List<String> unknown, List<String> joining, List<SoundHit> results) {
    }

    /** score: the geometric mean of the song's probabilities for the tags; byTag: each of them. */
    public record SoundHit(String id, String title, String artist, double score, Map<String, Double> byTag) {
    }

    @GET
    @Path("/sound")
    @Operation(summary = "Songs by words about their sound", description = "The words (\"mellow piano, female vocal\") are read "
            + "as musicnn tags, forgiving case, hyphens and small typos; words that name no tag are returned in unknown, joining "
            + "words in joining. Songs rank by the geometric mean of their probabilities for the tags.")
    public SoundAnswer sound(@QueryParam("text") String text, @QueryParam("k") @DefaultValue("10") int k) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("text= is required: words about the sound, e.g. mellow piano, female vocal");
        }
        if (text.length() > 500) {
            throw new IllegalArgumentException("text has at most 500 characters, not " + text.length());
        }
        PlaylistLinks.count("k", k, 100);
        ListeningLibrary.SoundAnswer answer = library.soundSearch(text, k);
        List<SoundHit> hits = answer.songs().stream().map(s -> {
            var song = catalog.find(s.songId()).map(x -> x.ingested()).orElse(null);
            return new SoundHit(s.songId(), song == null ? null : song.title(), song == null ? null : song.artist(), s.score(), s.byTag());
        }).toList();
        return new SoundAnswer(text, List.copyOf(answer.reading().tags().keySet()), answer.reading().unknown(), answer.reading().joining(),
                hits);
    }

    @GET
    @Path("/sound/tags")
    @Operation(summary = "The tag names words about sound are matched to")
    public List<String> tags() {
        return List.copyOf(new TreeSet<>(MusicnnTags.NAMES.stream().map(String::toLowerCase).toList()));
    }
}
