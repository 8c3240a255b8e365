package dev.musicluster.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamHeaderTest {

    @TempDir
    Path dir;

    /** 3 s of a stereo 44.1 kHz tone in every container whose header states the exact length. */
    @ParameterizedTest
    @ValueSource(strings = {"flac", "ogg", "wav", "aiff"})
    void theHeaderNamesRateChannelsAndLength(String format) throws Exception {
        Path file = AudioFiles.tone(dir.resolve("song." + format), 440);
        StreamHeader header = StreamHeader.read(file).orElseThrow();
        assertThat(header.sampleRate()).isEqualTo(44_100);
        assertThat(header.channels()).isEqualTo(2);
        assertThat(header.seconds()).isCloseTo(3.0, Offset.offset(1e-6));
    }

    /** ffmpeg writes an Info header with the frame count: 3 s is 116 frames of 1,152 samples. */
    @Test
    void anMp3WithAFrameCountHasItsLength() throws Exception {
        StreamHeader header = StreamHeader.read(AudioFiles.tone(dir.resolve("song.mp3"), 440)).orElseThrow();
        assertThat(header.seconds() * 44_100 % 1_152).isCloseTo(0, Offset.offset(1e-6));
        assertThat(header.seconds()).isCloseTo(3.0, Offset.offset(0.06));
    }

    /** Without a frame count an MP3's length is an estimate, and an M4A's may count its priming: ffprobe decides those. */
    @Test
    void lengthsThatAreEstimatesAreLeftToFfprobe() throws Exception {
        Path info = AudioFiles.tone(dir.resolve("info.mp3"), 440);
        Path bare = AudioFiles.copy(info, dir.resolve("bare.mp3"), "-write_xing", "0");
        assertThat(StreamHeader.read(bare)).isEmpty();
        assertThat(StreamHeader.read(AudioFiles.tone(dir.resolve("song.m4a"), 440))).isEmpty();
    }

    @Test
    void aNameThatLiesDoesNotMislead() throws Exception {
        Path flac = AudioFiles.tone(dir.resolve("song.flac"), 440);
        Path named = Files.copy(flac, dir.resolve("actually-flac.m4a"));
        assertThat(StreamHeader.read(named)).isEqualTo(StreamHeader.read(flac)).isPresent();
    }

    @Test
    void whatHasNoReadableHeaderIsLeftToTheDecoder() throws Exception {
        Path au = AudioFiles.tone(dir.resolve("song.au"), 440);
        Path damaged = Files.write(dir.resolve("damaged.flac"), "fLaC and then nothing a FLAC stream needs".getBytes());
        Path text = Files.writeString(dir.resolve("notes.mp3"), "not audio at all");
        assertThat(StreamHeader.read(au)).isEmpty();
        assertThat(StreamHeader.read(damaged)).isEmpty();
        assertThat(StreamHeader.read(text)).isEmpty();
        assertThat(StreamHeader.read(dir.resolve("missing.mp3"))).isEmpty();
    }

    @Test
    void channelModesAreCounted() {
        assertThat(StreamHeader.channels("Mono")).isEqualTo(1);
        assertThat(StreamHeader.channels("Joint Stereo")).isEqualTo(2);
        assertThat(StreamHeader.channels("Dual Channel")).isEqualTo(2);
        assertThat(StreamHeader.channels("6")).isEqualTo(6);
        assertThat(StreamHeader.channels("surround")).isZero();
        assertThat(StreamHeader.channels(null)).isZero();
    }
}
