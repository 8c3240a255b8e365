package dev.musicluster.gateway.api;

import dev.musicluster.contracts.SongId;
import dev.musicluster.gateway.domain.ClusterIndex;
import dev.musicluster.gateway.domain.LatentIndex;
import dev.musicluster.gateway.domain.Song;
import dev.musicluster.gateway.domain.SongCatalog;
import dev.musicluster.gateway.domain.SongTags;
import dev.musicluster.gateway.ingest.IngestOutcome;
import dev.musicluster.gateway.ingest.SongIngestion;
import dev.musicluster.gateway.ingest.SongMetadata;
import dev.musicluster.gateway.ingest.SongRemoval;
import dev.musicluster.kit.ObjectStore;
import dev.musicluster.library.AudioContainer;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/songs")
@Tag(name = "Songs")
@Produces(MediaType.APPLICATION_JSON)
public class SongResource {

    /** RFC 4180 with a bare line feed, quoted only where a field needs it; what a song lacks is empty. */
    private static final CSVFormat INDEX_FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').setNullString("").build();

    private final SongIngestion ingestion;
    private final SongCatalog catalog;
    private final ClusterIndex clusters;
    private final LatentIndex latents;
    private final ObjectStore store;
    private final SongTags tags;
    private final SongRemoval removal;

    public SongResource(SongIngestion ingestion, SongRemoval removal, SongCatalog catalog, ClusterIndex clusters, LatentIndex latents,
                        ObjectStore store, SongTags tags) {
        this.removal = removal;
        this.tags = tags;
        this.ingestion = ingestion;
        this.catalog = catalog;
        this.clusters = clusters;
        this.latents = latents;
        this.store = store;
    }

    @POST
    @Blocking
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Ingest a song", description = "Stores the audio and publishes songs.ingested. "
            + "The same song (same audio and metadata) sent again changes nothing.")
    @APIResponse(responseCode = "202", description = "Accepted: the song enters the pipeline")
    @APIResponse(responseCode = "200", description = "Already ingested, unchanged")
    @APIResponse(responseCode = "400", description = "Missing or empty audio, invalid id")
    @APIResponse(responseCode = "413", description = "Upload over the configured limit")
    @APIResponse(responseCode = "415", description = "Not a supported audio format")
    public Response ingest(@RestForm("audio") FileUpload audio,
                           @RestForm("metadata") @PartType(MediaType.APPLICATION_JSON) SongMetadata metadata) throws IOException {
        return answer(ingestion.ingest(audio == null ? null : audio.uploadedFile(), metadata));
    }

    @PUT
    @Path("/{id}/metadata")
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a song's metadata, its audio kept", description = "For a retagged or moved file: a new revision "
            + "of the song when the metadata changed, its new place when only that did; the audio is not analysed again.")
    @APIResponse(responseCode = "202", description = "Accepted: the song's new metadata is published")
    @APIResponse(responseCode = "200", description = "The same metadata and place: nothing changed")
    @APIResponse(responseCode = "404", description = "No such song")
    public Response describe(@PathParam("id") String id, SongMetadata metadata) throws IOException {
        return answer(ingestion.describe(id, metadata));
    }

    /** 202 with "accepted" when something was published, 200 with "unchanged" when not; the song's place either way. */
    private static Response answer(IngestOutcome outcome) {
        IngestAnswer answer = new IngestAnswer(outcome.id(), outcome.created() ? "accepted" : "unchanged");
        return (outcome.created() ? Response.accepted(answer) : Response.ok(answer)).location(URI.create("/api/songs/" + outcome.id())).build();
    }

    @DELETE
    @Path("/{id}")
    @Blocking
    @Operation(summary = "Remove a song", description = "Deletes its audio and publishes its removal: every service forgets it "
            + "(tensors, latents, cluster assignments, playlists, search). Sent again, it is 404.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such song (never ingested, or already removed)")
    public Response remove(@PathParam("id") String id) throws IOException {
        removal.remove(id);
        return Response.noContent().build();
    }

    /** Songs in one answer at most: a library of 100,000 listed at once is 100 MB. */
    static final int PAGE = 5000;

    @GET
    @Operation(summary = "Every song with its pipeline status, a page at a time", description = "Songs by id from offset (default "
            + "0), at most limit (default and at most " + PAGE + "); the header X-Total-Count holds how many songs there are and, "
            + "unless this is the last page, Link (rel=next) the address of the next page. GET /api/library counts them by stage.")
    public Response list(@QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("" + PAGE) int limit) {
        if (offset < 0 || limit < 1 || limit > PAGE) {
            throw new IllegalArgumentException("offset is at least 0 and limit between 1 and " + PAGE + ", not " + offset + " and " + limit);
        }
        List<Song> all = catalog.all();
        int end = (int) Math.min(all.size(), (long) offset + limit);
        List<SongView> page = offset >= all.size() ? List.of()
                : all.subList(offset, end).stream().map(song -> SongView.of(song, tags)).toList();
        Response.ResponseBuilder answer = Response.ok(page).header("X-Total-Count", all.size());
        if (end < all.size()) {
            answer.header("Link", "</api/songs?offset=" + end + "&limit=" + limit + ">; rel=\"next\"");
        }
        return answer.build();
    }

    @GET
    @Path("/index.csv")
    @Produces("text/csv")
    @Operation(summary = "Every song in one compact table: id, title, artist and a column per label", description = "What the "
            + "web UI's map shows of each point (its name, and the labels it can be coloured by: for looking, never for clustering), "
            + "about 50 bytes a song where a listed song is about 1 kB; a label a song lacks is empty.")
    public Response index() {
        List<Song> all = catalog.all();
        java.util.SortedSet<String> labels = new java.util.TreeSet<>();
        all.forEach(song -> labels.addAll(song.ingested().labels().keySet()));
        List<String> header = new java.util.ArrayList<>(List.of("id", "title", "artist"));
        header.addAll(labels);
        // Written as it is sent: at 300,000 songs the table is about 15 MB, which no request should hold whole.
        StreamingOutput table = out -> {
            var writer = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8), 1 << 16);
            CSVPrinter csv = new CSVPrinter(writer, INDEX_FORMAT);
            csv.printRecord(header);
            List<String> row = new java.util.ArrayList<>(header.size());
            for (Song song : all) {
                var ingested = song.ingested();
                row.clear();
                row.add(song.id());
                row.add(ingested.title());
                row.add(ingested.artist());
                labels.forEach(label -> row.add(ingested.labels().get(label)));
                csv.printRecord(row);
            }
            csv.flush();
        };
        return Response.ok(table).header("X-Total-Count", all.size()).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One song with the status of each stage")
    @APIResponse(responseCode = "404", description = "No such song")
    public SongView get(@PathParam("id") String id) {
        return catalog.find(id).map(song -> SongView.of(song, tags)).orElseThrow(() -> new NotFoundException("no song with id " + id));
    }

    public record IngestAnswer(String id, String status) {
    }

    @GET
    @Path("/{id}/audio")
    @Blocking
    @Produces({"audio/wav", "audio/mpeg", "audio/flac", "audio/ogg", "audio/mp4", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "The song's audio as it was uploaded, streamed from the object store (the web UI plays it)")
    public Response audio(@PathParam("id") String id) throws IOException {
        Song song = catalog.find(SongId.require(id)).orElseThrow(() -> new NotFoundException("no song with id " + id));
        String key = song.ingested().audioKey();
        return Response.ok(store.open(key)).type(AudioContainer.mediaType(song.ingested().audioFormat()))
                .header("Content-Length", store.size(key)).header("Cache-Control", "private, max-age=3600").build();
    }

    @GET
    @Path("/{id}/cluster")
    @Operation(summary = "A song's cluster under the active clustering, with its distance to the cluster's centre")
    public Object clusterOf(@PathParam("id") String id) {
        return clusters.of(SongId.require(id)).orElseThrow(() -> new NotFoundException("song " + id + " has no cluster (yet)"));
    }

    @GET
    @Path("/{id}/similar")
    @Operation(summary = "The songs nearest this one in the audio latent of the active model, nearest first")
    public List<Similar> similar(@PathParam("id") String id, @QueryParam("k") @DefaultValue("10") int k) {
        if (k < 1 || k > 1000) {
            throw new IllegalArgumentException("k must be in 1..1000, not " + k);
        }
        if (latents.find(SongId.require(id)).isEmpty()) {
            throw new NotFoundException("song " + id + " has no latent (yet)");
        }
        return latents.nearest(id, k).stream().map(n -> {
            Song song = catalog.find(n.songId()).orElse(null);
            return new Similar(n.songId(), song == null ? null : song.ingested().title(), song == null ? null : song.ingested().artist(),
                    n.distance());
        }).toList();
    }

    /** A neighbouring song. */
    public record Similar(String id, String title, String artist, double distance) {
    }
}
