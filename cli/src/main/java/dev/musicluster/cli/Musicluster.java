package dev.musicluster.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code musicluster} command. */
@Command(name = "musicluster", mixinStandardHelpOptions = true, version = "musicluster 0.1.0",
        description = "Groups songs by how they sound and what they sing, in any language, without labels.",
        subcommands = {RunCommand.class, SyncCommand.class, PlaylistsCommand.class, ReportCommand.class, LoadCommand.class, IngestCommand.class, FeaturesCommand.class, ClusterCommand.class, DemoCommand.class, InfraCommand.class})
public final class Musicluster {

    /** Held so that java.util.logging keeps the level: Tribuo logs every iteration at INFO. */
    private static final java.util.logging.Logger TRIBUO = java.util.logging.Logger.getLogger("org.tribuo");

    public static void main(String[] args) {
        TRIBUO.setLevel(java.util.logging.Level.WARNING);
        // Plots are drawn off-screen, also where a display exists.
        System.setProperty("java.awt.headless", "true");
        System.exit(new CommandLine(new Musicluster()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(Musicluster::report).execute(args));
    }

    /**
     * A failure as a user reads it: what failed and each cause's own words, without frames (a service's log, where
     * the message names one, holds the rest). {@code MUSICLUSTER_TRACE=1} prints the stack trace too.
     */
    private static int report(Exception failure, CommandLine command, CommandLine.ParseResult parsed) {
        var err = command.getErr();
        err.printf("musicluster %s failed: %s%n", command.getCommandName(), failure.getMessage() == null ? failure : failure.getMessage());
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            err.printf("  because: %s%n", cause.getMessage() == null ? cause : cause.getMessage());
        }
        if (System.getenv("MUSICLUSTER_TRACE") != null) {
            failure.printStackTrace(err);
        } else {
            err.println("  (the stack trace: run again with MUSICLUSTER_TRACE=1)");
        }
        err.flush();
        return command.getExitCodeExceptionMapper() != null ? command.getExitCodeExceptionMapper().getExitCode(failure)
                : command.getCommandSpec().exitCodeOnExecutionException();
    }
}
