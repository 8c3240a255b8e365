package dev.musicluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Music Player Daemon on loopback with the null audio output, a music directory and nothing else: a real
 * player that reads our playlists through its own protocol (driven with mpc).
 */
final class Mpd implements AutoCloseable {

    private final Process daemon;
    private final int port;

    private Mpd(Process daemon, int port) {
        this.daemon = daemon;
        this.port = port;
    }

    static boolean available() {
        return onPath("mpd") && onPath("mpc");
    }

    static Mpd start(Path musicDirectory, Path work) throws IOException, InterruptedException {
        Files.createDirectories(work.resolve("playlists"));
        int port = dev.musicluster.infra.FreePorts.next();
        Path config = work.resolve("mpd.conf");
        Files.writeString(config, String.join("\n",
                "music_directory \"" + musicDirectory.toAbsolutePath() + "\"",
                "playlist_directory \"" + work.resolve("playlists").toAbsolutePath() + "\"",
                "db_file \"" + work.resolve("database").toAbsolutePath() + "\"",
                "state_file \"" + work.resolve("state").toAbsolutePath() + "\"",
                "log_file \"" + work.resolve("log").toAbsolutePath() + "\"",
                "bind_to_address \"127.0.0.1\"",
                "port \"" + port + "\"",
                "audio_output {", "  type \"null\"", "  name \"null\"", "}", ""), StandardCharsets.UTF_8);
        Process daemon = new ProcessBuilder("mpd", "--no-daemon", config.toString()).redirectErrorStream(true)
                .redirectOutput(work.resolve("stdout").toFile()).start();
        Mpd mpd = new Mpd(daemon, port);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                break;
            } catch (IOException notYet) {
                assertThat(daemon.isAlive()).as("mpd runs: %s", Files.readString(work.resolve("stdout"))).isTrue();
                assertThat(System.nanoTime()).as("mpd listens on %d", port).isLessThan(deadline);
                Thread.sleep(100);
            }
        }
        mpd.mpc("update", "--wait");
        return mpd;
    }

    /** Clears the queue, loads the playlist (a path under the music directory) and returns the queue's files in order. */
    List<String> load(String playlist) throws IOException, InterruptedException {
        mpc("clear");
        mpc("load", playlist);
        return mpc("-f", "%file%", "playlist");
    }

    List<String> mpc(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mpc", "--host", "127.0.0.1", "--port", Integer.toString(port)));
        command.addAll(List.of(arguments));
        Process mpc = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(mpc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(mpc.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(mpc.exitValue()).as("%s: %s", command, output).isZero();
        return output.lines().filter(line -> !line.startsWith("loading: ") && !line.startsWith("volume: ")).toList();
    }

    @Override
    public void close() throws InterruptedException {
        daemon.destroy();
        if (!daemon.waitFor(10, TimeUnit.SECONDS)) {
            daemon.destroyForcibly();
        }
    }

    private static boolean onPath(String command) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
