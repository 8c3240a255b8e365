package dev.musicluster.gateway.api;

import dev.musicluster.gateway.domain.ClusterIndex;
import dev.musicluster.gateway.domain.SongCatalog;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The active clustering's clusters (a song's own cluster and its similar songs are under /api/songs/{id}). */
@Path("/api/clusters")
@Tag(name = "Clusters")
@Produces(MediaType.APPLICATION_JSON)
public class ClusterResource {

    private static final int REPRESENTATIVES = 5;

    private final ClusterIndex clusters;
    private final SongCatalog songs;

    public ClusterResource(ClusterIndex clusters, SongCatalog songs) {
        this.clusters = clusters;
        this.songs = songs;
    }

    /** The clusters as last described, and the states of the assignments and songs they were described from. */
    private record Described(long clusters, long songs, List<ClusterIndex.Cluster> described) {
    }

    private volatile Described described;

    @GET
    @Operation(summary = "The active clustering's clusters: size, label make-up, representative songs, members")
    public List<ClusterIndex.Cluster> all() {
        // Described once per change of the assignments or the songs: a library's worth of sorting and label counting.
        Described last = described;
        long clustersVersion = clusters.version();
        long songsVersion = songs.version();
        if (last == null || last.clusters() != clustersVersion || last.songs() != songsVersion) {
            last = new Described(clustersVersion, songsVersion, clusters.clusters(this::labels, REPRESENTATIVES));
            described = last;
        }
        return last.described();
    }

    @GET
    @Path("/{cluster}")
    @Operation(summary = "One cluster of the active clustering (-1: noise)")
    public ClusterIndex.Cluster one(@PathParam("cluster") int cluster) {
        return all().stream().filter(c -> c.cluster() == cluster).findFirst()
                .orElseThrow(() -> new NotFoundException("no cluster " + cluster + " in the active clustering"));
    }

    private Map<String, String> labels(String songId) {
        return songs.find(songId).map(song -> song.ingested().labels()).orElse(Map.of());
    }
}
