package dev.musicluster.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The recordings the gateway finds ingested twice, as {@code duplicates.csv} and a few lines in the terminal. */
final class DuplicateTable {

    static final String FILE = "duplicates.csv";

    private DuplicateTable() {
    }

    static int write(GatewayClient gateway, Path out, PrintStream console) throws IOException, InterruptedException {
        JsonNode pairs = new ObjectMapper().readTree(gateway.download("api/duplicates"));
        try (Writer writer = Files.newBufferedWriter(out.resolve(FILE), StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader("first", "first_title", "second", "second_title",
                     "distance", "spectrogram_correlation", "first_seconds", "second_seconds").build())) {
            for (JsonNode pair : pairs) {
                csv.printRecord(pair.path("first").asText(), pair.path("firstTitle").asText(""), pair.path("second").asText(),
                        pair.path("secondTitle").asText(""), pair.path("distance").asDouble(),
                        pair.path("spectrogramCorrelation").asDouble(),
                        pair.path("firstSeconds").asDouble(),
                        pair.path("secondSeconds").asDouble());
            }
        }
        console.printf("%nrecorded twice: %s%n", pairs.isEmpty() ? "none" : pairs.size() + " pairs (" + out.resolve(FILE).toAbsolutePath() + ")");
        for (JsonNode pair : pairs) {
            console.printf("  %s = %s (distance %.4f)%n", pair.path("first").asText(), pair.path("second").asText(),
                    pair.path("distance").asDouble());
        }
        return pairs.size();
    }
}
