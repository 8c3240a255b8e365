package dev.musicluster.gateway.library;

import dev.musicluster.contracts.MusicnnTags;
import dev.musicluster.contracts.events.EventCodec;
import dev.musicluster.contracts.events.SongIngested;
import dev.musicluster.contracts.tensor.NpyArray;
import dev.musicluster.contracts.vector.Standardisation;
import dev.musicluster.gateway.domain.ClusterIndex;
import dev.musicluster.gateway.domain.LatentIndex;
import dev.musicluster.gateway.domain.SongCatalog;
import dev.musicluster.gateway.domain.SoundProfiles;
import dev.musicluster.gateway.listening.ClusterPlaylists;
import dev.musicluster.gateway.listening.DirectionMatrix;
import dev.musicluster.gateway.listening.Duplicates;
import dev.musicluster.gateway.listening.Playlist;
import dev.musicluster.gateway.listening.PlaylistLineage;
import dev.musicluster.gateway.listening.Radio;
import dev.musicluster.gateway.listening.SongPath;
import dev.musicluster.gateway.listening.SongPoint;
import dev.musicluster.gateway.listening.SoundSearch;
import dev.musicluster.gateway.listening.SoundWords;
import dev.musicluster.gateway.listening.SpectrogramMatch;
import dev.musicluster.kit.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Listening on top of the active clustering: its clusters as playlists (ids kept across re-clusterings, the lineage
 * kept in the object store so it survives restarts), radios and paths in the active model's space, songs found by
 * words about their sound, and recordings ingested twice.
 */
@ApplicationScoped
public class ListeningLibrary {

    static final String LINEAGE_KEY = "playlists/lineage.json";
    private static final Logger LOG = Logger.getLogger(ListeningLibrary.class);

    private final SongCatalog catalog;
    private final ClusterIndex clusters;
    private final LatentIndex latents;
    private final SoundProfiles sounds;
    private final ObjectStore store;
    private final SoundWords words = new SoundWords(MusicnnTags.NAMES);
    private final SpectrogramCache logMels;
    private PlaylistLineage lineage;
    private Memo memo;
    private SpaceMemo spaceMemo;
    private DuplicatesMemo duplicatesMemo;
    private final Object playlistsMaking = new Object();
    private final Object duplicatesMaking = new Object();

    public ListeningLibrary(SongCatalog catalog, ClusterIndex clusters, LatentIndex latents, SoundProfiles sounds, ObjectStore store) {
        this.catalog = catalog;
        this.clusters = clusters;
        this.latents = latents;
        this.sounds = sounds;
        this.store = store;
        this.logMels = new SpectrogramCache(store, 64);
    }

    /**
     * The songs of the active clustering's space: each with its latent under the clustered model of that run. Built
     * once for each state of the clusters, latents, songs and profiles it reads (a library's worth of points), then
     * shared by every read until one of them changes.
     */
    public Space space() {
        List<Long> versions = List.of(clusters.version(), latents.version(), catalog.version(), sounds.version());
        synchronized (this) {
            if (spaceMemo != null && spaceMemo.key().equals(versions)) {
                return spaceMemo.space();
            }
        }
        Space space = buildSpace();
        synchronized (this) {
            spaceMemo = new SpaceMemo(versions, space);
        }
        return space;
    }

    private record SpaceMemo(List<Long> key, Space space) {
    }

    private Space buildSpace() {
        List<ClusterIndex.Cluster> active = clusters.clusters(id -> Map.of(), Integer.MAX_VALUE);
        if (active.isEmpty()) {
            throw new NoClusteringYet();
        }
        ClusterIndex.Cluster first = active.get(0);
        Map<String, SongPoint> made = new LinkedHashMap<>();
        for (ClusterIndex.Cluster cluster : active) {
            for (String songId : cluster.representatives()) {
                if (!made.containsKey(songId)) {
                    point(songId, first.runId(), first.representation()).ifPresent(p -> made.put(songId, p));
                }
            }
        }
        // The space's points read their directions from the matrix; the arrays they were made with go.
        DirectionMatrix songs = DirectionMatrix.of(List.copyOf(made.values()));
        Map<String, SongPoint> points = new HashMap<>();
        songs.songs().forEach(p -> points.put(p.id(), p));
        return new Space(first.runId() + "/" + first.representation() + "/" + first.algorithm(), active, points, songs);
    }

    /**
     * The active clustering, its clusters (members nearest their centre first) and its songs' points; {@code songs}
     * their directions in one array, in the order the points were made, for the scans of radios and paths.
     */
    public record Space(String clustering, List<ClusterIndex.Cluster> clusters, Map<String, SongPoint> points, DirectionMatrix songs) {

        public SongPoint song(String id) {
            SongPoint point = points.get(id);
            if (point == null) {
                throw new NotInLibrary("song " + id + " is not in the active clustering (" + clustering + ")");
            }
            return point;
        }

        Set<String> clusterOf(String songId) {
            for (ClusterIndex.Cluster cluster : clusters) {
                if (cluster.members().contains(songId)) {
                    return new HashSet<>(cluster.members());
                }
            }
            return Set.of(songId);
        }
    }

    /**
     * Once the view is whole after a start, the playlists and the duplicates are made before anyone asks: at 100,000
     * songs the duplicates took 15.8 s of a first request on one core. A request meanwhile waits for the same work.
     */
    void warm(@ObservesAsync ViewCaughtUp caughtUp) {
        long started = System.nanoTime();
        try {
            LOG.infof("view whole: %d duplicates found", duplicates(Duplicates.DEFAULT_MAX_DISTANCE).size());
            // The default playlists: no limit per artist.
            LOG.infof("view whole: %d playlists made (%.1f s in all)", playlists(Integer.MAX_VALUE).size(), (System.nanoTime() - started) / 1e9);
        } catch (NoClusteringYet e) {
            LOG.info("view whole: no clustering yet, no playlists to make");
        } catch (RuntimeException e) {
            LOG.warnf(e, "view whole: warming the playlists and duplicates failed; requests will make them");
        }
    }

    /** One playlist per cluster, with its stable id: made once per space (and per-artist limit), not per request. */
    public List<Playlist> playlists(int perArtist) {
        Space space = space();
        // One maker at a time: a second request for the same space waits for the first's playlists.
        synchronized (playlistsMaking) {
            return playlists(space, perArtist);
        }
    }

    private List<Playlist> playlists(Space space, int perArtist) {
        synchronized (this) {
            if (memo != null && memo.space() == space && memo.perArtist() == perArtist) {
                return memo.playlists();
            }
        }
        Map<Integer, Set<String>> memberships = new TreeMap<>();
        List<ClusterPlaylists.ClusterSongs> songs = new ArrayList<>();
        for (ClusterIndex.Cluster cluster : space.clusters()) {
            if (cluster.cluster() < 0) {
                continue;
            }
            memberships.put(cluster.cluster(), new HashSet<>(cluster.members()));
            songs.add(new ClusterPlaylists.ClusterSongs(cluster.cluster(),
                    cluster.representatives().stream().filter(space.points()::containsKey).map(space.points()::get).toList(), cluster.tags()));
        }
        Map<Integer, String> ids = lineageFor(space.clustering(), memberships).byCluster();
        List<Playlist> playlists = ClusterPlaylists.of(songs, ids, perArtist);
        synchronized (this) {
            memo = new Memo(space, perArtist, playlists);
        }
        return playlists;
    }

    private record Memo(Space space, int perArtist, List<Playlist> playlists) {
    }

    private record DuplicatesMemo(long profiles, double maxDistance, List<Duplicate> duplicates) {
    }

    public Playlist playlist(String id, int perArtist) {
        return playlists(perArtist).stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotInLibrary("no playlist " + id + " in the active clustering"));
    }

    public List<SongPoint> radio(String from, int count, boolean sameCluster, Radio.Exclusions exclusions, int perArtist) {
        Space space = space();
        SongPoint seed = space.song(from);
        DirectionMatrix candidates = space.songs();
        if (sameCluster) {
            Set<String> members = space.clusterOf(from);
            candidates = DirectionMatrix.of(candidates.songs().stream().filter(p -> members.contains(p.id())).toList());
        }
        return Radio.from(seed, candidates, count, perArtist, exclusions);
    }

    public SongPath.Walk path(String from, String to, int steps) {
        Space space = space();
        return SongPath.between(space.song(from), space.song(to), steps, space.songs());
    }

    /** The text as tags, and the songs that have those tags most. */
    public record SoundAnswer(SoundWords.Reading reading, List<SoundSearch.Scored> songs) {
    }

    public SoundAnswer soundSearch(String text, int count) {
        SoundWords.Reading reading = words.read(text);
        if (reading.tags().isEmpty()) {
            throw new IllegalArgumentException("no word of '" + text + "' names a musicnn tag (unknown: " + String.join(", ", reading.unknown())
                    + "); the tags are listed at /api/search/sound/tags");
        }
        List<SoundSearch.Tagged> tagged = sounds.all().stream().filter(SoundProfiles.Profile::hasMusicnn)
                .map(p -> new SoundSearch.Tagged(p.songId(), p.tags())).toList();
        return new SoundAnswer(reading, SoundSearch.rank(reading.tags(), tagged, count));
    }

    /** A pair that sounds alike, lasts as long and whose spectrograms correlate. */
    public record Duplicate(Duplicates.Pair pair, double correlation) {
    }

    /**
     * Recordings ingested twice: candidates by their musicnn embeddings standardised over the collection and their
     * durations, each confirmed by its stored log-mel spectrograms ({@link SpectrogramMatch}), since songs made alike
     * (one synthesiser, one style) can sound the same to a network without being one recording.
     */
    public List<Duplicate> duplicates(double maxDistance) {
        synchronized (duplicatesMaking) {
            return duplicatesOf(maxDistance);
        }
    }

    private List<Duplicate> duplicatesOf(double maxDistance) {
        long version = sounds.version();
        synchronized (this) {
            if (duplicatesMemo != null && duplicatesMemo.profiles() == version && duplicatesMemo.maxDistance() == maxDistance) {
                return duplicatesMemo.duplicates();
            }
        }
        List<Duplicate> found = findDuplicates(maxDistance);
        synchronized (this) {
            duplicatesMemo = new DuplicatesMemo(version, maxDistance, found);
        }
        return found;
    }

    private List<Duplicate> findDuplicates(double maxDistance) {
        List<SoundProfiles.Profile> profiles = sounds.all().stream().filter(SoundProfiles.Profile::hasMusicnn).toList();
        if (profiles.size() < 2) {
            return List.of();
        }
        Standardisation standardisation = Standardisation.fitFloats(profiles.stream().map(SoundProfiles.Profile::embedding).toList());
        List<SongPoint> points = new ArrayList<>();
        for (SoundProfiles.Profile p : profiles) {
            float[] z = standardisation.apply(p.embedding());
            try {
                points.add(SongPoint.of(p.songId(), null, null, p.seconds(), null, z));
            } catch (IllegalArgumentException e) {
                LOG.debugf("song %s has no direction once standardised: %s", p.songId(), e.getMessage());
            }
        }
        List<Duplicate> confirmed = new ArrayList<>();
        for (Duplicates.Pair pair : Duplicates.find(points, maxDistance)) {
            // A pair whose spectrograms cannot be read is not claimed: a wrong "recorded twice" costs a user a song.
            Double correlation = spectrogramCorrelation(sounds.of(pair.first()).orElseThrow(), sounds.of(pair.second()).orElseThrow());
            if (correlation != null && correlation >= SpectrogramMatch.MIN_CORRELATION) {
                confirmed.add(new Duplicate(pair, correlation));
            }
        }
        return confirmed;
    }

    private Double spectrogramCorrelation(SoundProfiles.Profile a, SoundProfiles.Profile b) {
        try {
            NpyArray first = logMels.get(a.logMelKey());
            NpyArray second = logMels.get(b.logMelKey());
            double framesPerSecond = a.frames() / a.windowSeconds();
            // Each window is its track's centre: b's starts (its lead − a's lead) later in the music than a's.
            double leadA = Math.max(0, (a.seconds() - a.windowSeconds()) / 2);
            double leadB = Math.max(0, (b.seconds() - b.windowSeconds()) / 2);
            int lag = (int) Math.round((leadB - leadA) * framesPerSecond);
            return SpectrogramMatch.correlation(first.data(), first.shape()[1], second.data(), second.shape()[1], first.shape()[0], lag,
                    (int) Math.ceil(0.25 * framesPerSecond));
        } catch (IOException | RuntimeException e) {
            LOG.warnf("cannot compare the spectrograms of %s and %s: %s", a.songId(), b.songId(), e.getMessage());
            return null;
        }
    }

    /** A song's point under the active model, with what playlists show of it. */
    public Optional<SongPoint> point(String songId, String runId, String model) {
        return latents.find(songId).filter(l -> l.runId().equals(runId) && l.model().equals(model)).flatMap(latent -> {
            SongIngested song = catalog.find(songId).map(s -> s.ingested()).orElse(null);
            double seconds = sounds.of(songId).map(SoundProfiles.Profile::seconds).orElse(Double.NaN);
            try {
                return Optional.of(SongPoint.of(songId, song == null ? null : song.title(), song == null ? null : song.artist(),
                        seconds, song == null ? null : song.source(), latent.latent()));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    private synchronized PlaylistLineage lineageFor(String clustering, Map<Integer, Set<String>> memberships) {
        if (lineage == null) {
            lineage = load();
        }
        PlaylistLineage next = lineage.next(clustering, memberships);
        if (!next.equals(lineage)) {
            lineage = next;
            try {
                store.put(LINEAGE_KEY, EventCodec.mapper().writeValueAsBytes(next), "application/json");
            } catch (IOException e) {
                throw new UncheckedIOException("could not store the playlists' lineage", e);
            }
        }
        return lineage;
    }

    private PlaylistLineage load() {
        try {
            return store.exists(LINEAGE_KEY)
                    ? EventCodec.mapper().readValue(store.get(LINEAGE_KEY), PlaylistLineage.class) : PlaylistLineage.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the playlists' lineage", e);
        }
    }
}
