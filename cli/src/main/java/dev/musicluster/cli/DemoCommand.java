package dev.musicluster.cli;

import dev.musicluster.demo.DemoCorpus;
import dev.musicluster.demo.DemoLibrary;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate the synthetic demo corpus: MIDI songs in five styles with public-domain lyrics in six languages; "
                + "with --library, a tagged music library made of them instead (Artist/Album/NN Title in MP3, FLAC, Ogg and M4A, "
                + "five scripts, and the odd files real libraries hold), to try `musicluster sync` on.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = ".musicluster/demo-corpus", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--songs", defaultValue = "" + DemoCorpus.DEFAULT_SONGS, paramLabel = "N", description = "Number of songs (default: ${DEFAULT-VALUE}).")
    int songs;

    @Option(names = "--seconds", defaultValue = "" + DemoCorpus.DEFAULT_SECONDS, paramLabel = "S", description = "Length of each song (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--library", paramLabel = "DIR", description = "Write a tagged music library here instead of the corpus.")
    Path library;

    @Option(names = "--tracks", defaultValue = "4", paramLabel = "N", description = "With --library: tracks per artist (default: ${DEFAULT-VALUE}).")
    int tracks;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        if (library != null) {
            int written = DemoLibrary.generate(library, tracks, seconds, "ffmpeg").size();
            System.out.printf("a library of %d tagged tracks (and the odd files) written to %s (%.1f s)%n", written, library,
                    (System.nanoTime() - started) / 1e9);
            return 0;
        }
        Path manifest = DemoCorpus.generate(out, songs, seconds, Runtime.getRuntime().availableProcessors());
        System.out.printf("%d songs of %.0f s written; manifest %s (%.1f s)%n", songs, seconds, manifest,
                (System.nanoTime() - started) / 1e9);
        return 0;
    }
}
