package dev.musicluster.library;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The identity of a file's audio, whatever its tags: SHA-256 over the encoded audio packets of its first audio stream,
 * as ffmpeg demuxes them ({@code -c copy -f hash}), without decoding. A tag editor rewrites a file's bytes (ID3 frames,
 * Vorbis comments, MP4 atoms) but never these packets, so a retagged file keeps its audio identity and a re-encoded
 * one does not. Demuxing reads the file once: about the cost of copying it, plus ffmpeg's start.
 */
public final class AudioStream {

    private static final long TIMEOUT_SECONDS = 600;
    /** SHA-256 of no bytes: what ffmpeg reports of a stream it found no packet in (a header over garbage). */
    private static final String NOTHING = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private final String ffmpeg;

    public AudioStream(String ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    /** The audio's SHA-256, or an exception with ffmpeg's reason when the file holds no audio it can read. */
    public byte[] sha256(Path file) throws IOException {
        Process process = new ProcessBuilder(List.of(ffmpeg, "-v", "error", "-nostdin", "-i", file.toString(), "-map", "0:a:0",
                "-c", "copy", "-f", "hash", "-hash", "sha256", "-")).redirectErrorStream(true).start();
        process.getOutputStream().close();
        // One stream: a damaged file can make ffmpeg report thousands of errors, which must never fill a pipe nobody reads.
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("ffmpeg took over " + TIMEOUT_SECONDS + " s to read " + file.getFileName());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while ffmpeg read " + file.getFileName(), e);
        }
        String hash = output.lines().filter(line -> line.startsWith("SHA256=")).reduce((a, b) -> b).orElse(null);
        if (process.exitValue() != 0 || hash == null) {
            String reason = output.strip().lines().reduce((a, b) -> b).orElse("no audio stream");
            throw new IOException("no readable audio: " + reason.replace(file.toString(), file.getFileName().toString()));
        }
        if (hash.substring("SHA256=".length()).strip().equals(NOTHING)) {
            throw new IOException("no readable audio: not one audio packet in it");
        }
        return HexFormat.of().parseHex(hash.substring("SHA256=".length()).strip());
    }
}
