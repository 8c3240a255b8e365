package dev.musicluster.feature.decode;

import dev.musicluster.demo.DemoCorpus;
import dev.musicluster.demo.Style;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Test audio made by the project's own code: a generated song, re-encoded by ffmpeg into each container. */
public final class AudioFixtures {

    private AudioFixtures() {
    }

    public static Path song(Path dir, double seconds) throws IOException {
        Path wav = dir.resolve("song.wav");
        if (!Files.exists(wav)) {
            DemoCorpus.renderSong(Style.ROCK, 7, seconds, wav);
        }
        return wav;
    }

    /**
     * A decompression bomb: a FLAC stream of a constant (not silent) signal, 44.1 kHz stereo, written as ffmpeg writes
     * to a pipe, so its header declares no length. About 10 KB per minute that decode to 21 MB of float PCM.
     */
    public static Path decompressionBomb(Path dir, double seconds) throws IOException, InterruptedException {
        Path out = dir.resolve("bomb.flac");
        Process process = new ProcessBuilder("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "aevalsrc=0.3|0.3:s=44100:d=" + seconds,
                "-c:a", "flac", "-f", "flac", "-").redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("ffmpeg could not make the decompression bomb");
        }
        return out;
    }

    /** The song as {@code name.ext}, encoded with the given ffmpeg arguments (44.1 kHz stereo, like real releases). */
    public static Path encode(Path wav, String name, String... codecArgs) throws IOException, InterruptedException {
        Path out = wav.resolveSibling(name);
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y", "-i", wav.toString(), "-ar", "44100"));
        if (!List.of(codecArgs).contains("-af")) {
            // L = R = the song at its own level: ffmpeg's own mono-to-stereo (-ac 2) puts each channel 3 dB down.
            command.addAll(List.of("-af", "pan=stereo|c0=c0|c1=c0"));
        }
        command.addAll(List.of(codecArgs));
        command.add(out.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("ffmpeg could not make " + name + ": " + output);
        }
        return out;
    }
}
