package dev.musicluster.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AudioTagsTest {

    @TempDir
    Path dir;

    /** Tags another program wrote (ffmpeg: ID3v2, Vorbis comments in Ogg and FLAC, MP4 atoms), read back. */
    @ParameterizedTest
    @ValueSource(strings = {"mp3", "flac", "ogg", "m4a"})
    void readsTheTagsAnotherProgramWroteInEveryContainer(String format) throws Exception {
        Path file = AudioFiles.tone(dir.resolve("song." + format), 440, "title=Ünïcode 歌", "artist=Artist", "album=Album",
                "album_artist=Various", "track=3", "date=2021", "genre=Jazz");
        AudioTags tags = AudioTags.read(file, AudioContainer.sniff(Files.readAllBytes(file)).orElseThrow());
        assertThat(tags.title()).isEqualTo("Ünïcode 歌");
        assertThat(tags.artist()).isEqualTo("Artist");
        assertThat(tags.album()).isEqualTo("Album");
        assertThat(tags.albumArtist()).isEqualTo("Various");
        assertThat(tags.track()).startsWith("3");
        assertThat(tags.year()).isEqualTo("2021");
        assertThat(tags.genre()).isEqualTo("Jazz");
    }

    @Test
    void aFileWithoutTagsHasNoneAndNumericGenresHaveNames() throws Exception {
        Path file = AudioFiles.tone(dir.resolve("bare.flac"), 440);
        assertThat(AudioTags.read(file, AudioContainer.FLAC).isEmpty()).isTrue();
        assertThat(AudioTags.read(file, AudioContainer.AU)).isEqualTo(AudioTags.NONE);
        assertThat(AudioTags.genre("(17)")).isEqualTo("Rock");
        assertThat(AudioTags.genre("8")).isEqualTo("Jazz");
        assertThat(AudioTags.genre("Chillout")).isEqualTo("Chillout");
    }

    @Test
    void aDamagedFileIsRefusedWithAReason() throws Exception {
        Path file = dir.resolve("damaged.flac");
        Files.write(file, "fLaC and then nothing a FLAC stream needs".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> AudioTags.read(file, AudioContainer.FLAC)).isInstanceOf(AudioTags.TagsUnreadable.class)
                .hasMessageNotContaining("null");
    }
}
