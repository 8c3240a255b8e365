package dev.musicluster.library;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Small real audio files for the tests, made by ffmpeg from a generated tone, with the tags asked for. */
final class AudioFiles {

    static final String FFMPEG = "ffmpeg";

    private AudioFiles() {
    }

    /** A few seconds of a tone at {@code hertz} in the container the file's name says, tagged with key=value pairs. */
    static Path tone(Path file, int hertz, String... metadata) throws IOException {
        List<String> command = new ArrayList<>(List.of(FFMPEG, "-v", "error", "-nostdin", "-y", "-f", "lavfi", "-i",
                "sine=frequency=" + hertz + ":duration=3", "-ac", "2"));
        if (file.toString().endsWith(".ogg")) {
            command.addAll(List.of("-c:a", "libvorbis"));
        }
        for (String pair : metadata) {
            command.addAll(List.of("-metadata", pair));
        }
        command.add(file.toString());
        run(command);
        return file;
    }

    /** The same audio with other tags: ffmpeg copies the packets and writes new tags, as a tag editor rewrites a file. */
    static Path retag(Path from, Path to, String... metadata) throws IOException {
        List<String> command = new ArrayList<>(List.of(FFMPEG, "-v", "error", "-nostdin", "-y", "-i", from.toString(), "-map", "0",
                "-c", "copy", "-map_metadata", "-1"));
        for (String pair : metadata) {
            command.addAll(List.of("-metadata", pair));
        }
        command.add(to.toString());
        run(command);
        return to;
    }

    /** The same packets in a new file, with the muxer's options (e.g. {@code -write_xing 0}). */
    static Path copy(Path from, Path to, String... muxerOptions) throws IOException {
        List<String> command = new ArrayList<>(List.of(FFMPEG, "-v", "error", "-nostdin", "-y", "-i", from.toString(), "-c", "copy"));
        command.addAll(List.of(muxerOptions));
        command.add(to.toString());
        run(command);
        return to;
    }

    private static void run(List<String> command) throws IOException {
        Files.createDirectories(Path.of(command.get(command.size() - 1)).toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + ": " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
