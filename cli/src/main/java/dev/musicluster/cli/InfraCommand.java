package dev.musicluster.cli;

import dev.musicluster.infra.LocalInfra;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "infra", mixinStandardHelpOptions = true,
        description = "Start only the embedded Kafka broker and S3 server and print how to reach them; Ctrl-C stops them.")
final class InfraCommand implements Callable<Integer> {

    @Option(names = "--work", defaultValue = ".musicluster/infra", paramLabel = "DIR", description = "Data folder (default: ${DEFAULT-VALUE}).")
    Path work;

    @Override
    public Integer call() throws Exception {
        try (LocalInfra infra = LocalInfra.start(work)) {
            infra.environment().forEach((key, value) -> System.out.println("export " + key + "=" + value));
            System.out.flush();
            new CountDownLatch(1).await();
        }
        return 0;
    }
}
