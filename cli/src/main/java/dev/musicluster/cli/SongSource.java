package dev.musicluster.cli;

import dev.musicluster.demo.DemoCorpus;
import dev.musicluster.library.ManifestEntry;
import dev.musicluster.library.SongManifest;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Where songs come from: a manifest CSV, a labelled folder, or (by default) the generated demo corpus. */
final class SongSource {

    @Option(names = "--songs", paramLabel = "FILE.csv|DIR",
            description = "A manifest CSV (id,audio,title,artist,language,genre,lyrics) or a folder <root>/<label>/<audio>. "
                    + "Default: the generated demo corpus.")
    Path songs;

    @Option(names = "--folder-label", defaultValue = "label", paramLabel = "NAME",
            description = "Label column named by the sub-folders of a song folder (default: ${DEFAULT-VALUE}).")
    String folderLabel;

    @Option(names = "--demo-dir", defaultValue = ".musicluster/demo-corpus", paramLabel = "DIR",
            description = "Where the demo corpus is generated and cached (default: ${DEFAULT-VALUE}).")
    Path demoDir;

    @Option(names = "--demo-songs", defaultValue = "" + DemoCorpus.DEFAULT_SONGS, paramLabel = "N",
            description = "Songs in the demo corpus (default: ${DEFAULT-VALUE}).")
    int demoSongs;

    /** What the songs are, for a report's provenance. */
    String describe() {
        return songs == null ? "the generated demo corpus (" + demoSongs + " songs, " + demoDir + ")" : songs.toAbsolutePath().toString();
    }

    /** The folder the songs' library paths are relative to: the manifest's, the labelled folder, or the demo corpus's. */
    Path libraryRoot() {
        if (songs == null) {
            return demoDir;
        }
        return java.nio.file.Files.isDirectory(songs) ? songs : songs.toAbsolutePath().getParent();
    }

    List<ManifestEntry> load(PrintStream out) throws IOException {
        Path source = songs;
        if (source == null) {
            long started = System.nanoTime();
            source = DemoCorpus.generate(demoDir, demoSongs, DemoCorpus.DEFAULT_SECONDS, Runtime.getRuntime().availableProcessors());
            out.printf("demo corpus: %d synthetic songs in %s (%.1f s)%n", demoSongs, demoDir,
                    (System.nanoTime() - started) / 1e9);
        }
        return SongManifest.read(source, folderLabel);
    }
}
