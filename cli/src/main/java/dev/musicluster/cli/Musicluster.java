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
        System.exit(new CommandLine(new Musicluster()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }
}
