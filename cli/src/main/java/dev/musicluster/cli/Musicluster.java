package dev.musicluster.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code musicluster} command. */
@Command(name = "musicluster", mixinStandardHelpOptions = true, version = "musicluster 0.1.0",
        description = "Groups songs by how they sound and what they sing, in any language, without labels.",
        subcommands = {RunCommand.class, IngestCommand.class, FeaturesCommand.class, ClusterCommand.class, DemoCommand.class, InfraCommand.class})
public final class Musicluster {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Musicluster()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }
}
