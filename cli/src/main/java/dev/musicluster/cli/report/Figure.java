package dev.musicluster.cli.report;

import java.nio.file.Path;

/** One plot of the report: its section, its file under {@code plots/} and what it shows. */
public record Figure(String section, Path file, String caption) {
}
