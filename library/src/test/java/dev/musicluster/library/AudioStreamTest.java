package dev.musicluster.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AudioStreamTest {

    @TempDir
    Path dir;

    private final AudioStream stream = new AudioStream(AudioFiles.FFMPEG);

    @ParameterizedTest
    @ValueSource(strings = {"mp3", "flac", "ogg", "m4a"})
    void retaggingKeepsTheAudioIdentityAndReencodingDoesNot(String format) throws Exception {
        Path original = AudioFiles.tone(dir.resolve("a." + format), 440, "title=One");
        Path retagged = AudioFiles.retag(original, dir.resolve("b." + format), "title=Another, much longer title", "genre=Rock");
        Path other = AudioFiles.tone(dir.resolve("c." + format), 441, "title=One");

        assertThat(Files.readAllBytes(retagged)).as("the file's bytes changed").isNotEqualTo(Files.readAllBytes(original));
        assertThat(stream.sha256(retagged)).isEqualTo(stream.sha256(original));
        assertThat(stream.sha256(other)).isNotEqualTo(stream.sha256(original));
    }

    @ParameterizedTest
    @ValueSource(strings = {"damaged.mp3", "text.flac"})
    void aFileWithoutReadableAudioIsRefusedWithFfmpegsReason(String name) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, ("ID3" + "\u0004".repeat(7) + "garbage".repeat(500)).getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> stream.sha256(file)).isInstanceOf(IOException.class).hasMessageStartingWith("no readable audio")
                .hasMessageNotContaining(dir.toString());
    }
}
