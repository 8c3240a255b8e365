package dev.musicluster.gateway.api;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Recordings ingested twice, found by what musicnn hears in them and their durations. */
@Path("/api/duplicates")
@Tag(name = "Listening")
@Produces(MediaType.APPLICATION_JSON)
public class DuplicateResource {

    private final ListeningLibrary library;
    private final SongCatalog catalog;

    public DuplicateResource(ListeningLibrary library, SongCatalog catalog) {
        this.library = library;
        this.catalog = catalog;
    }

    /** distance: of the musicnn embeddings (cosine); spectrogramCorrelation: of the log-mels. */
    public record DuplicatePair(String first, String firstTitle, String second, String secondTitle, double distance,
                                double spectrogramCorrelation, double firstSeconds, double secondSeconds) {
    }

    @GET
    @Operation(summary = "Recordings ingested twice", description = "Pairs whose musicnn embeddings, standardised over the "
            + "collection, are within max-distance (cosine), whose durations agree within 1 % or 2 s, whichever is larger, and "
            + "whose log-mel spectrograms correlate at 0.7 or more: the same recording under another id, encoding, bit rate or "
            + "sample rate. A live and a studio take, or an edit, differ in duration; songs made alike differ in their spectrograms.")
    public List<DuplicatePair> duplicates(@QueryParam("max-distance") @DefaultValue("" + Duplicates.DEFAULT_MAX_DISTANCE) double maxDistance) {
        if (!(maxDistance >= 0 && maxDistance <= 1)) {
            throw new IllegalArgumentException("max-distance is a cosine distance between 0 and 1, not " + maxDistance);
        }
        return library.duplicates(maxDistance).stream().map(d -> new DuplicatePair(d.pair().first(), title(d.pair().first()),
                d.pair().second(), title(d.pair().second()), d.pair().distance(), d.correlation(), d.pair().firstSeconds(),
                d.pair().secondSeconds())).toList();
    }

    private String title(String songId) {
        return catalog.find(songId).map(s -> s.ingested().title()).orElse(null);
    }
}
