package dev.musicluster.gateway.api;

import dev.musicluster.contracts.SongId;
import dev.musicluster.gateway.library.ListeningLibrary;
import dev.musicluster.gateway.listening.Playlist;
import dev.musicluster.gateway.listening.Radio;
import dev.musicluster.gateway.listening.SongPath;
import dev.musicluster.gateway.listening.SongPoint;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Playlists made on demand in the active model's space: a radio from one song, a path from one song to another. */
@Path("/api")
@Tag(name = "Listening")
public class RadioResource {

    static final int MAX_STEPS = 100;

    private final ListeningLibrary library;

    public RadioResource(ListeningLibrary library) {
        this.library = library;
    }

    /** A radio: its seed first, each song with its cosine distance to the seed. */
    public record RadioView(String from, String name, List<Stop> songs) {
    }

    public record Stop(String id, String title, String artist, Double seconds, double distance) {
    }

    /**
     * stepDegrees: the angle from the song before; boundDegrees: the most it can be (the great circle's arc plus both
     * songs' angles off it); offPathDegrees: this song's angle to its point on the great circle.
     */
    public record PathStop(String id, String title, String artist, Double seconds, double stepDegrees, double boundDegrees,
                           double offPathDegrees) {
    }

    /** A path: A first, B last, each song with the angle (degrees) of the step that reached it. */
    public record PathView(String from, String to, String name, int steps, double straightStepDegrees, double worstStepRatio,
                           List<PathStop> songs) {
    }

    @GET
    @Path("/radio")
    @Produces({MediaType.APPLICATION_JSON, "audio/x-mpegurl", "application/xspf+xml"})
    @Operation(summary = "A radio from one song", description = "The count songs nearest the seed in the active model's space "
            + "(cosine), after the exclusions and at most per-artist songs of one artist, ordered to flow outward from the "
            + "seed. format=m3u8 or xspf gives the file (locations and prefix as for playlists).")
    @APIResponse(responseCode = "404", description = "The seed is not in the active clustering")
    public Response radio(@QueryParam("from") String from, @QueryParam("count") @DefaultValue("20") int count,
                          @QueryParam("same-cluster") @DefaultValue("false") boolean sameCluster,
                          @QueryParam("exclude") List<String> excludeSongs, @QueryParam("exclude-artist") List<String> excludeArtists,
                          @QueryParam("per-artist") @DefaultValue("2") int perArtist, @QueryParam("format") @DefaultValue("json") String format,
                          @QueryParam("name") String name, @QueryParam("locations") String locations, @QueryParam("prefix") String prefix,
                          @Context UriInfo uri) {
        String seed = required("from", from);
        PlaylistLinks.count("count", count, PlaylistLinks.MAX_SONGS);
        PlaylistLinks.count("per-artist", perArtist, PlaylistLinks.MAX_SONGS);
        List<SongPoint> songs = library.radio(seed, count, sameCluster,
                new Radio.Exclusions(Set.copyOf(excludeSongs), Set.copyOf(excludeArtists)), perArtist);
        String title = PlaylistLinks.name(name, "Radio from " + songs.get(0).displayName());
        if (!format.equals("json")) {
            return PlaylistLinks.file(new Playlist("radio-" + seed, title, null, List.of(), songs), format, uri,
                    new PlaylistLinks.Where(locations, prefix));
        }
        SongPoint start = songs.get(0);
        return Response.ok(new RadioView(seed, title, songs.stream().map(s -> stop(s, start.distanceTo(s))).toList()))
                .type(MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/path")
    @Produces({MediaType.APPLICATION_JSON, "audio/x-mpegurl", "application/xspf+xml"})
    @Operation(summary = "A path from song A to song B", description = "steps steps along the great circle from A to B in the "
            + "active model's space: each point between taken by the nearest song not yet on the path; A first, B last, every song "
            + "once. worstStepRatio: the longest step over the straight line's step.")
    @APIResponse(responseCode = "400", description = "A and B the same song, or steps out of 1..100")
    public Response path(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("steps") @DefaultValue("8") int steps,
                         @QueryParam("format") @DefaultValue("json") String format, @QueryParam("name") String name,
                         @QueryParam("locations") String locations, @QueryParam("prefix") String prefix, @Context UriInfo uri) {
        String a = required("from", from);
        String b = required("to", to);
        if (a.equals(b)) {
            throw new IllegalArgumentException("a path needs two different songs, not " + a + " twice");
        }
        PlaylistLinks.count("steps", steps, MAX_STEPS);
        SongPath.Walk walk = library.path(a, b, steps);
        String title = PlaylistLinks.name(name, "From " + walk.songs().get(0).displayName() + " to "
                + walk.songs().get(walk.songs().size() - 1).displayName());
        if (!format.equals("json")) {
            return PlaylistLinks.file(new Playlist("path-" + a + "-" + b, title, null, List.of(), walk.songs()), format, uri,
                    new PlaylistLinks.Where(locations, prefix));
        }
        List<PathStop> stops = new ArrayList<>();
        for (int i = 0; i < walk.songs().size(); i++) {
            SongPoint song = walk.songs().get(i);
            stops.add(new PathStop(song.id(), song.title(), song.artist(), song.knownSeconds(),
                    i == 0 ? 0 : Math.toDegrees(walk.stepAngles().get(i - 1)), i == 0 ? 0 : Math.toDegrees(walk.bound(i)),
                    Math.toDegrees(walk.offPath().get(i))));
        }
        return Response.ok(new PathView(a, b, title, steps, Math.toDegrees(walk.straightStepAngle()), walk.worstStepRatio(), stops))
                .type(MediaType.APPLICATION_JSON).build();
    }

    private static Stop stop(SongPoint song, double distance) {
        return new Stop(song.id(), song.title(), song.artist(), song.knownSeconds(), distance);
    }

    private static String required(String what, String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(what + "= is required: a song id");
        }
        return SongId.require(id.strip());
    }
}
