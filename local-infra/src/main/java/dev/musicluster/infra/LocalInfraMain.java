package dev.musicluster.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** Starts the embedded infrastructure on its own and prints how to reach it; Ctrl-C stops it. */
public final class LocalInfraMain {

    private LocalInfraMain() {
    }

    public static void main(String[] args) throws Exception {
        Path workDir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("musicluster-infra-");
        try (LocalInfra infra = LocalInfra.start(workDir)) {
            infra.environment().forEach((key, value) -> System.out.println("export " + key + "=" + value));
            System.out.flush();
            new CountDownLatch(1).await();
        }
    }
}
