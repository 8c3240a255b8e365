package dev.musicluster.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.musicluster.contracts.SongId;
import dev.musicluster.infra.LocalInfra;
import dev.musicluster.library.AudioStream;
import dev.musicluster.library.LibraryFileReader;
import dev.musicluster.library.LibraryIndex;
import dev.musicluster.library.LibraryScan;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Keep a running system in step with a music folder: new files are ingested, files whose audio changed become "
                + "a new revision, moved files keep their song, retagged files update it without a new analysis, files gone are "
                + "removed. Unchanged files are known by their size and time (an index kept under --work), so a re-sync of an "
                + "unchanged library reads no audio. Without --gateway the embedded system runs on --work and keeps its state "
                + "between syncs. The first sync clusters the library; later songs join its clusters.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:in step", "1:the sync failed (the reason is printed)",
                "2:in step, but some files could not be taken (each is listed with its reason)"})
final class SyncCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "The library: any folder of audio files, in any layout.")
    Path library;

    @Option(names = "--gateway", paramLabel = "URL", description = "Sync a deployed system instead of the embedded one.")
    String gateway;

    @Option(names = "--api-key", defaultValue = "${env:MUSICLUSTER_API_KEY}", paramLabel = "KEY",
            description = "With --gateway: the gateway's API key for writes (default: $MUSICLUSTER_API_KEY).")
    String apiKey;

    @Option(names = "--work", defaultValue = ".musicluster/library", paramLabel = "DIR",
            description = "The embedded system's state and the library index (default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--watch", description = "Keep syncing as files appear, change and vanish, until Ctrl-C.")
    boolean watch;

    @Option(names = "--interval", defaultValue = "PT10S", paramLabel = "DURATION",
            description = "With --watch: how often the folder is looked at (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--settle", defaultValue = "PT5S", paramLabel = "DURATION",
            description = "Files changed more recently are left for the next look: they may still be being copied (default: ${DEFAULT-VALUE}).")
    Duration settle;

    @Option(names = "--playlists", paramLabel = "DIR",
            description = "Write the active clustering's playlists here after each sync, with paths relative to the library (.m3u for "
                    + "MPD's playlist_directory, .m3u8 and .xspf for other players); playlists of clusters gone are deleted.")
    Path playlists;

    @Option(names = "--per-artist", defaultValue = "0", paramLabel = "N",
            description = "At most N songs of one artist in each playlist (default: 0, no limit).")
    int perArtist;

    @Option(names = "--folder-label", paramLabel = "NAME",
            description = "Label column named by each file's first folder under the library (a <label>/<file> layout); default: none.")
    String folderLabel;

    @Option(names = "--models", split = ",", defaultValue = "musicnn", paramLabel = "M,M",
            description = "What the library is clustered by when it has no clustering yet, or with --recluster (default: ${DEFAULT-VALUE}).")
    List<String> models;

    @Option(names = "--recluster", description = "Train and cluster the whole library again after this sync.")
    boolean recluster;

    @Option(names = "--stall-timeout", defaultValue = "PT10M", paramLabel = "DURATION",
            description = "Waiting for songs fails when none has moved for this long (default: ${DEFAULT-VALUE}).")
    Duration stall;

    @Option(names = "--threads", defaultValue = "4", paramLabel = "N", description = "Files read and sent at once (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--ffmpeg", defaultValue = "ffmpeg", paramLabel = "PATH", description = "The ffmpeg that reads the audio (default: ${DEFAULT-VALUE}).")
    String ffmpeg;

    @Override
    public Integer call() throws Exception {
        PrintStream console = System.out;
        if (!Files.isDirectory(library)) {
            throw new NoSuchFileException(library.toString(), null, "no such library folder");
        }
        if (gateway != null) {
            return syncWith(new GatewayClient(gateway, apiKey), console);
        }
        Path home = Path.of(System.getProperty("musicluster.home", ".")).toAbsolutePath().normalize();
        long started = System.nanoTime();
        try (LocalInfra infra = LocalInfra.start(work.resolve("infra"))) {
            try (LocalServices services = LocalServices.start(home, infra, work.resolve("logs"))) {
                console.printf("system ready (%.1f s): gateway %s; state in %s%n", (System.nanoTime() - started) / 1e9,
                        services.url("gateway"), work.toAbsolutePath());
                if (watch) {
                    console.printf("web UI %s/ — API key for writes, valid until Ctrl-C: %s%n", services.url("gateway"), services.apiKey());
                }
                return syncWith(new GatewayClient(services.url("gateway"), services.apiKey()), console);
            }
        }
    }

    /** Syncs the library with the system behind {@code client}: once, or with {@link #watch} until interrupted. */
    int syncWith(GatewayClient client, PrintStream console) throws Exception {
        JsonNode state = client.library();
        String system = state.path("system").asText("unknown");
        Path root = library.toRealPath();
        // One index per library and system: a system that lost its state (or another one) is told everything again.
        Path indexFile = work.resolve("index").resolve(SongId.sha256Hex(root + "\u0000" + system).substring(0, 16) + ".tsv");
        LibraryFileReader reader = new LibraryFileReader(new AudioStream(ffmpeg), folderLabel);
        int exit = 0;
        boolean first = true;
        try (LibraryIndex index = LibraryIndex.open(indexFile)) {
            do {
                if (!first) {
                    Thread.sleep(interval.toMillis());
                }
                LibrarySync.Report report = LibrarySync.run(root, index, reader, client, threads, watch ? settle.toMillis() : 0, console);
                if (first || report.changed() || !report.problems().isEmpty()) {
                    print(report, console);
                }
                exit = Math.max(exit, report.problems().isEmpty() ? 0 : Reports.SOME_SONGS_REFUSED);
                if (first || report.changed()) {
                    follow(client, report, first, console);
                    if (playlists != null) {
                        PlaylistFiles.print(PlaylistFiles.write(client, playlists, "", perArtist), playlists, console);
                    }
                    printState(client.library(), console);
                }
                first = false;
            } while (watch);
        }
        return exit;
    }

    /** Waits for the songs that went in to be analysed, clusters the library when it has no clustering, then for their clusters. */
    private void follow(GatewayClient client, LibrarySync.Report report, boolean first, PrintStream console)
            throws IOException, InterruptedException {
        Set<String> ids = new HashSet<>(report.songIds());
        Duration poll = Duration.ofMillis(500);
        if (!ids.isEmpty()) {
            SongStages.await(client, ids, "features", song -> SongStages.settled(song, "features"), stall, poll, console);
            SongStages.await(client, ids, "lyrics", song -> SongStages.settled(song, "lyrics"), stall, poll, console);
        }
        boolean clustered = !new String(client.download("api/clusters"), java.nio.charset.StandardCharsets.UTF_8).strip().equals("[]");
        if ((!clustered || (recluster && first)) && client.library().path("songs").asInt() > 0) {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("models", models);
            String runId = client.startRun(config);
            console.printf("%nclustering the library: run %s (%s)%n", runId, String.join(", ", models));
            PipelineRun.await(client, runId, models, stall, console);
        }
        if (!ids.isEmpty()) {
            SongStages.await(client, ids, "cluster", song -> SongStages.settled(song, "cluster") || SongStages.failed(song, "features"),
                    stall, poll, console);
        }
    }

    private static void print(LibrarySync.Report report, PrintStream console) {
        console.printf("%nsynced %d audio files in %.1f s: %d new, %d with new audio, %d retagged or moved, %d removed, %d unchanged%n",
                report.scanned(), report.seconds(), report.added(), report.replaced(), report.described(), report.removed(),
                report.unchanged() + report.recorded());
        report.copies().forEach((copy, original) -> console.printf("  same audio as %s: %s (one song)%n", original, copy));
        report.untagged().forEach((file, reason) -> console.printf("  tags unreadable, described by its name: %s: %s%n", file, reason));
        for (LibraryScan.Problem problem : report.problems()) {
            console.printf("  not taken: %s: %s%n", problem.relative(), problem.reason());
        }
    }

    private static void printState(JsonNode state, PrintStream console) {
        console.printf("library: %d songs, %d analysed, %d pending, %d clustered, %d failed, %d removed%n", state.path("songs").asInt(),
                state.path("analysed").asInt(), state.path("pending").asInt(), state.path("clustered").asInt(),
                state.path("failed").size(), state.path("removed").asLong());
        for (JsonNode failure : state.path("failed")) {
            console.printf("  failed: %s (%s) at %s: %s%n", failure.path("source").asText(failure.path("songId").asText()),
                    failure.path("songId").asText(), failure.path("stage").asText(), failure.path("reason").asText());
        }
    }
}
