package dev.musicluster.gateway.domain;

import dev.musicluster.contracts.events.SongIngested;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every known song and its stage statuses, projected from the pipeline's topics. It is a view, rebuilt from the
 * compacted topics at start-up, so any number of gateways agree on it without a database.
 */
public class SongCatalog {

    private final Map<String, Song> songs = new ConcurrentHashMap<>();
    /** Stage outcomes that arrived before the song itself (topics are read in parallel). */
    private final Map<String, Map<Stage, StageStatus>> early = new ConcurrentHashMap<>();
    private final AtomicLong removals = new AtomicLong();
    /** Changes whenever a song comes, changes its description or goes (not with its stages). */
    private final AtomicLong version = new AtomicLong();

    public long version() {
        return version.get();
    }

    /**
     * Records an ingested song; a newer revision of the same id replaces it and restarts its stages. The same revision
     * with another library path (the file moved) keeps its stages: the music is the same. So does a new revision of
     * the same audio (a retagged file), but for the lyrics stage when its lyrics changed: features, latents and
     * clusters are computed from the audio, which no stage analyses again.
     */
    public void ingested(SongIngested event) {
        version.incrementAndGet();
        songs.compute(event.songId(), (id, existing) -> {
            if (existing != null && sameRevision(existing.ingested(), event)) {
                return Objects.equals(existing.ingested().source(), event.source()) ? existing
                        : new Song(event, existing.stages());
            }
            if (existing != null && existing.ingested().audioSha256().equals(event.audioSha256())) {
                Song described = new Song(event, existing.stages());
                boolean sameLyrics = Objects.equals(existing.ingested().lyrics(), event.lyrics())
                        && Objects.equals(existing.ingested().lyricsKey(), event.lyricsKey());
                return sameLyrics ? described : described.with(Stage.LYRICS, StageStatus.pending());
            }
            Map<Stage, StageStatus> stages = early.remove(id);
            Song song = new Song(event, stages == null ? Map.of() : stages);
            return song.with(Stage.INGESTED, StageStatus.done(event.audioFormat() + ", " + event.audioBytes() + " bytes",
                    event.ingestedAt()));
        });
    }

    /** Forgets a removed song: it is no longer listed, and stage outcomes that still arrive for it are dropped. */
    public void removed(String songId) {
        if (songs.remove(songId) != null) {
            removals.incrementAndGet();
            version.incrementAndGet();
        }
        early.remove(songId);
    }

    /** Songs removed since this view started: their tombstones seen, or their removal asked of this gateway. */
    public long removals() {
        return removals.get();
    }

    public void stage(String songId, Stage stage, StageStatus status) {
        Song updated = songs.computeIfPresent(songId, (id, song) -> song.with(stage, status));
        if (updated == null) {
            early.computeIfAbsent(songId, id -> new ConcurrentHashMap<>()).put(stage, status);
        }
    }

    public void stageDone(String songId, Stage stage, String detail, Instant at) {
        stage(songId, stage, StageStatus.done(detail, at));
    }

    public void stageFailed(String songId, Stage stage, String reason, Instant at) {
        stage(songId, stage, StageStatus.failed(reason, at));
    }

    public Optional<Song> find(String songId) {
        return Optional.ofNullable(songs.get(songId));
    }

    public List<Song> all() {
        return songs.values().stream().sorted(Comparator.comparing(Song::id)).toList();
    }

    public int size() {
        return songs.size();
    }

    /** Same audio and same metadata: a re-delivery or a repeated upload, not a new revision. */
    public static boolean sameRevision(SongIngested a, SongIngested b) {
        return a.revision().equals(b.revision());
    }
}
