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

    /** A FLAC whose header is whole but whose frames are lost: ffmpeg reads it without complaint, and finds nothing. */
    @org.junit.jupiter.api.Test
    void aHeaderWithoutFramesHasNoAudioEvenWhereFfmpegReadsItWithoutComplaint() throws IOException {
        java.nio.ByteBuffer flac = java.nio.ByteBuffer.allocate(4 + 4 + 34 + 8000);
        flac.put("fLaC".getBytes(StandardCharsets.US_ASCII)).put(new byte[] {(byte) 0x80, 0, 0, 34});
        // STREAMINFO: 4096-sample blocks, frame sizes unknown, 44,100 Hz, 2 channels, 16 bits, length unknown, no MD5.
        flac.putShort((short) 4096).putShort((short) 4096).put(new byte[6]).putLong((44_100L << 44) | (1L << 41) | (15L << 36));
        Path file = dir.resolve("frames-lost.flac");
        Files.write(file, flac.array());
        assertThatThrownBy(() -> stream.sha256(file)).isInstanceOf(IOException.class).hasMessageContaining("not one audio packet");
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
