package dev.musicluster.gateway.api;

import dev.musicluster.contracts.MusicnnTags;
import dev.musicluster.gateway.domain.SongCatalog;
import dev.musicluster.gateway.library.ListeningLibrary;
import dev.musicluster.gateway.listening.Duplicates;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What musicnn hears, put to use: songs found by words about their sound, and recordings ingested twice. */
@Path("/api")
@Tag(name = "Listening")
@Produces(MediaType.APPLICATION_JSON)
public class SoundResource {

    private final ListeningLibrary library;
    private final SongCatalog catalog;

    public SoundResource(ListeningLibrary library, SongCatalog catalog) {
        this.library = library;
        this.catalog = catalog;
    }

    /** What the words were read as, and the songs ranked by those tags. */
    public record SoundAnswer(String text, List<String> tags, List<String> unknown, List<String> joining, List<SoundHit> results) {
    }

    /** score: the geometric mean of the song's probabilities for the tags; byTag: each of them. */
    public record SoundHit(String id, String title, String artist, double score, Map<String, Double> byTag) {
    }

    public record DuplicatePair(String first, String firstTitle, String second, String secondTitle, double distance,
                                double firstSeconds, double secondSeconds) {
    }

    @GET
    @Path("/search/sound")
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
    @Path("/search/sound/tags")
    @Operation(summary = "The tag names words about sound are matched to")
    public List<String> tags() {
        return List.copyOf(new TreeSet<>(MusicnnTags.NAMES.stream().map(String::toLowerCase).toList()));
    }

    @GET
    @Path("/duplicates")
    @Operation(summary = "Recordings ingested twice", description = "Pairs whose musicnn embeddings, standardised over the "
            + "collection, are within max-distance (cosine) and whose durations agree within 1 % or 2 s, whichever is larger: "
            + "the same recording under another id, encoding, bit rate or sample rate. A live and a studio take, or an edit, "
            + "differ in duration and are not listed.")
    public List<DuplicatePair> duplicates(@QueryParam("max-distance") @DefaultValue("" + Duplicates.DEFAULT_MAX_DISTANCE) double maxDistance) {
        if (!(maxDistance >= 0 && maxDistance <= 1)) {
            throw new IllegalArgumentException("max-distance is a cosine distance between 0 and 1, not " + maxDistance);
        }
        return library.duplicates(maxDistance).stream().map(p -> new DuplicatePair(p.first(), title(p.first()), p.second(),
                title(p.second()), p.distance(), p.firstSeconds(), p.secondSeconds())).toList();
    }

    private String title(String songId) {
        return catalog.find(songId).map(s -> s.ingested().title()).orElse(null);
    }
}
