package dev.musicluster.gateway.api;

import dev.musicluster.gateway.library.ListeningLibrary;
import dev.musicluster.gateway.listening.Playlist;
import dev.musicluster.gateway.listening.SongPoint;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The active clustering's clusters as playlists: JSON to look at, M3U8 and XSPF to play. */
@Path("/api/playlists")
@Tag(name = "Listening")
public class PlaylistResource {

    /** A cluster's playlist holds the whole cluster unless a per-artist limit is asked for. */
    static final String DEFAULT_PER_ARTIST = "0";

    private final ListeningLibrary library;

    public PlaylistResource(ListeningLibrary library) {
        this.library = library;
    }

    /** Songs of a playlist in one JSON answer, unless fewer are asked: a cluster of a large library holds tens of thousands. */
    static final int PAGE = 1000;

    /**
     * A playlist as the API lists it, with the addresses of its files: {@code size} songs in all, of which {@code songs}
     * holds those from {@code offset} on (at most a page); {@code next} is the address of the next page, null at the end.
     * The M3U8 and XSPF files always hold the whole playlist.
     */
    public record PlaylistView(String id, String name, Integer cluster, List<String> tags, int size, double seconds, int offset,
                               List<PlaylistLinks.Entry> songs, String next, String m3u8, String xspf) {

        /** {@code perArtist}: as asked (0: no limit), for the next page's address. */
        static PlaylistView of(Playlist playlist, int perArtist, int offset, int limit) {
            PlaylistLinks.count("limit", limit, PAGE);
            if (offset < 0) {
                throw new IllegalArgumentException("offset is at least 0, not " + offset);
            }
            List<SongPoint> all = playlist.songs();
            int end = (int) Math.min(all.size(), (long) offset + limit);
            List<SongPoint> page = offset >= all.size() ? List.of() : all.subList(offset, end);
            String next = end < all.size() ? "/api/playlists/" + playlist.id() + "?per-artist=" + perArtist + "&offset=" + end + "&limit="
                    + limit : null;
            return new PlaylistView(playlist.id(), playlist.name(), playlist.cluster(), playlist.tags(), all.size(), playlist.seconds(),
                    offset, PlaylistLinks.entries(page), next, "/api/playlists/" + playlist.id() + ".m3u8",
                    "/api/playlists/" + playlist.id() + ".xspf");
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One playlist per cluster of the active clustering", description = "Named by the musicnn tags that set "
            + "the cluster apart and its size; ordered to flow (each next song the nearest to the one before); per-artist=N keeps at "
            + "most N songs of one artist (default 0: no limit). A playlist keeps its id across re-clusterings while at least half its songs stay together "
            + "(Jaccard >= 0.5 with its best match).")
    @APIResponse(responseCode = "409", description = "No clustering yet")
    public List<PlaylistView> all(@QueryParam("per-artist") @DefaultValue(DEFAULT_PER_ARTIST) int perArtist,
                                  @QueryParam("limit") @DefaultValue("" + PAGE) int limit) {
        return library.playlists(PlaylistLinks.perArtist(perArtist)).stream().map(p -> PlaylistView.of(p, perArtist, 0, limit)).toList();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One playlist of the active clustering", description = "Its songs a page at a time: offset (default 0) and "
            + "limit (default and at most " + PAGE + "); next is the address of the next page, null on the last.")
    @APIResponse(responseCode = "404", description = "No such playlist in the active clustering")
    public PlaylistView one(@PathParam("id") String id, @QueryParam("per-artist") @DefaultValue(DEFAULT_PER_ARTIST) int perArtist,
                            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("" + PAGE) int limit) {
        return PlaylistView.of(library.playlist(id, PlaylistLinks.perArtist(perArtist)), perArtist, offset, limit);
    }

    @GET
    @Path("/{id}.{format:m3u8|xspf}")
    @Produces({"audio/x-mpegurl", "application/xspf+xml"})
    @Operation(summary = "A playlist as an M3U8 or XSPF file", description = "Each song at the gateway's audio URL, or at prefix + "
            + "its library path (the manifest's audio column) with locations=library or a prefix: prefix=/music/ for a local "
            + "library, locations=library alone for paths relative to the library's root, as MPD reads them.")
    public Response file(@PathParam("id") String id, @PathParam("format") String format, @QueryParam("locations") String locations,
                         @QueryParam("prefix") String prefix, @QueryParam("per-artist") @DefaultValue(DEFAULT_PER_ARTIST) int perArtist, @QueryParam("name") String name,
                         @Context UriInfo uri) {
        Playlist playlist = library.playlist(id, PlaylistLinks.perArtist(perArtist));
        Playlist named = new Playlist(playlist.id(), PlaylistLinks.name(name, playlist.name()), playlist.cluster(), playlist.tags(),
                playlist.songs());
        return PlaylistLinks.file(named, format, uri, new PlaylistLinks.Where(locations, prefix));
    }
}
