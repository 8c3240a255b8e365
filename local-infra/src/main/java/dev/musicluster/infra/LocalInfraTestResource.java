package dev.musicluster.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts a real Kafka broker and a real S3 server for a Quarkus test and points the application at them. There is
 * no Docker here, so Dev Services cannot; this needs only a JDK.
 */
public class LocalInfraTestResource implements QuarkusTestResourceLifecycleManager {

    private LocalInfra infra;
    private Path workDir;

    @Override
    public Map<String, String> start() {
        try {
            workDir = Files.createTempDirectory("musicluster-test-infra-");
            infra = LocalInfra.start(workDir);
            return infra.config();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting local infrastructure", e);
        }
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(infra, new TestInjector.MatchesType(LocalInfra.class));
    }

    @Override
    public void stop() {
        if (infra != null) {
            infra.close();
        }
        if (workDir != null) {
            try (var paths = Files.walk(workDir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // A leftover temporary folder is not worth failing a test run for.
            }
        }
    }
}
