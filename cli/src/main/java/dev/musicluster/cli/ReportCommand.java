package dev.musicluster.cli;

import dev.musicluster.cli.report.Figure;
import dev.musicluster.cli.report.HtmlReport;
import dev.musicluster.cli.report.ReportPlots;
import dev.musicluster.cli.report.RunResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Draws the plots and writes report.html again from a results folder of `musicluster run`.")
final class ReportCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = "results", paramLabel = "DIR", description = "Results folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (!Files.exists(out.resolve("clustering_metrics.csv"))) {
            System.err.printf("%s holds no clustering_metrics.csv: not a results folder of `musicluster run`%n", out.toAbsolutePath());
            return 2;
        }
        System.out.printf("report: %s%n", write(out, Map.of()).toAbsolutePath());
        return 0;
    }

    /** Plots under {@code plots/} and {@code report.html}, from what the folder holds. */
    static Path write(Path out, Map<String, String> context) throws IOException {
        RunResults results = new RunResults(out);
        List<Figure> figures = ReportPlots.write(results);
        return HtmlReport.write(results, figures, context);
    }
}
