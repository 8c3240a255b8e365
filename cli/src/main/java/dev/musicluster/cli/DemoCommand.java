package dev.musicluster.cli;

import dev.musicluster.demo.DemoCorpus;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate the synthetic demo corpus: MIDI songs in five styles with public-domain lyrics in six languages.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = ".musicluster/demo-corpus", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--songs", defaultValue = "" + DemoCorpus.DEFAULT_SONGS, paramLabel = "N", description = "Number of songs (default: ${DEFAULT-VALUE}).")
    int songs;

    @Option(names = "--seconds", defaultValue = "" + DemoCorpus.DEFAULT_SECONDS, paramLabel = "S", description = "Length of each song (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        Path manifest = DemoCorpus.generate(out, songs, seconds, Runtime.getRuntime().availableProcessors());
        System.out.printf("%d songs of %.0f s written; manifest %s (%.1f s)%n", songs, seconds, manifest,
                (System.nanoTime() - started) / 1e9);
        return 0;
    }
}
