package dev.musicluster.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guarantee that no server outlives the launcher, checked with real processes: a launcher JVM starts a child
 * through {@link ChildProcess} and is then killed with SIGKILL, so no shutdown hook of it runs.
 */
class OrphanGuardTest {

    @TempDir
    Path dir;

    @Test
    void childDiesWhenItsLauncherIsKilledOutright() throws Exception {
        Path pidFile = dir.resolve("child.pid");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                SleepingLauncher.class.getName(), pidFile.toString(), dir.resolve("child.log").toString()));
        Process launcher = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("launcher.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!Files.exists(pidFile) || Files.readString(pidFile).isBlank()) {
                assertThat(System.nanoTime()).as("launcher wrote no pid").isLessThan(deadline);
                Thread.sleep(50);
            }
            long childPid = Long.parseLong(Files.readString(pidFile).trim());
            Optional<ProcessHandle> child = ProcessHandle.of(childPid);
            assertThat(child).as("child started").isPresent();

            launcher.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

            boolean gone = child.get().onExit().thenApply(h -> true).completeOnTimeout(false, 20, TimeUnit.SECONDS).get();
            assertThat(gone).as("child %d outlived its killed launcher", childPid).isTrue();
        } finally {
            launcher.destroyForcibly();
        }
    }

    @Test
    void closeStopsTheWholeTree() throws Exception {
        ChildProcess child = ChildProcess.startJava("sleeper", testClasspath(), List.of(), Sleeper.class.getName(),
                List.of(), java.util.Map.of(), dir.resolve("sleeper.log"));
        Thread.sleep(500);
        assertThat(child.isAlive()).as("sleeper running: %s", child.tail()).isTrue();
        child.close();
        assertThat(child.isAlive()).isFalse();
    }

    static List<Path> testClasspath() {
        List<Path> classpath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            classpath.add(Path.of(entry));
        }
        return classpath;
    }

    /** Starts a sleeping child through ChildProcess, writes its pid, then waits to be killed. */
    public static final class SleepingLauncher {
        public static void main(String[] args) throws Exception {
            ChildProcess child = ChildProcess.startJava("sleeper", testClasspath(), List.of(), Sleeper.class.getName(),
                    List.of(), java.util.Map.of(), Path.of(args[1]));
            Files.writeString(Path.of(args[0]), Long.toString(child.pid()));
            Thread.sleep(Duration.ofMinutes(5).toMillis());
        }
    }

    public static final class Sleeper {
        public static void main(String[] args) throws Exception {
            Thread.sleep(Duration.ofMinutes(5).toMillis());
        }
    }
}
