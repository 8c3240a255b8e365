package dev.musicluster.cli;

import dev.musicluster.library.ManifestEntry;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Upload songs (a manifest CSV or a labelled folder) to a running gateway.")
final class IngestCommand implements Callable<Integer> {

    @Mixin
    SongSource source;

    @Option(names = "--gateway", defaultValue = "http://localhost:8080", paramLabel = "URL",
            description = "The gateway's base URL (default: ${DEFAULT-VALUE}).")
    String gateway;

    @Option(names = "--api-key", defaultValue = "${env:MUSICLUSTER_API_KEY}", paramLabel = "KEY",
            description = "The gateway's API key for writes (default: $MUSICLUSTER_API_KEY).")
    String apiKey;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        List<ManifestEntry> entries = source.load(out);
        BulkIngest.Report report = BulkIngest.run(new GatewayClient(gateway, apiKey), entries, out);
        return Reports.summarise(report, out);
    }
}
