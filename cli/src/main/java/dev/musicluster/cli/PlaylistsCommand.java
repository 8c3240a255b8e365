package dev.musicluster.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "playlists", mixinStandardHelpOptions = true,
        description = "Write the active clustering's playlists (one per cluster, named by its tags, ordered to flow) as M3U (what "
                + "MPD lists), M3U8 and XSPF files, from a running gateway; playlist files of clusters gone are deleted.")
final class PlaylistsCommand implements Callable<Integer> {

    @Option(names = "--gateway", defaultValue = "http://localhost:8080", paramLabel = "URL",
            description = "The gateway's base URL (default: ${DEFAULT-VALUE}).")
    String gateway;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the playlist files.")
    Path out;

    @Option(names = "--prefix", paramLabel = "PATH",
            description = "Point at the songs in a local library: PATH + each song's path in the manifest (--prefix '' for paths "
                    + "relative to the library's root, as MPD reads them). Default: the gateway's audio URLs.")
    String prefix;

    @Option(names = "--per-artist", defaultValue = "0", paramLabel = "N",
            description = "At most N songs of one artist in each playlist (default: 0, no limit: a playlist holds its cluster).")
    int perArtist;

    @Override
    public Integer call() throws Exception {
        List<Path> files = PlaylistFiles.write(new GatewayClient(gateway), out, prefix, perArtist);
        PlaylistFiles.print(files, out, System.out);
        return files.isEmpty() ? 1 : 0;
    }
}
