package dev.musicluster.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SongManifestTest {

    @TempDir
    Path dir;

    @Test
    void readsTheSharedCsvFormatWithMultiLineLyricsAndExtraLabels() throws Exception {
        Files.createDirectories(dir.resolve("audio"));
        Path csv = dir.resolve("songs.csv");
        Files.writeString(csv, String.join("\n",
                "id,audio,title,artist,language,genre,lyrics,mood",
                "TR1,audio/TR1.mp3,\"Song, One\",Someone,en,rock,\"line one",
                "line \"\"two\"\"\",happy",
                "TR2,audio/TR2.mp3,Zwei,Jemand,de,,,", ""));
        List<ManifestEntry> entries = SongManifest.read(csv, "label");

        assertThat(entries).hasSize(2);
        ManifestEntry first = entries.get(0);
        assertThat(first.id()).isEqualTo("TR1");
        assertThat(first.audio()).isEqualTo(dir.resolve("audio/TR1.mp3").toAbsolutePath());
        assertThat(first.title()).isEqualTo("Song, One");
        assertThat(first.lyrics()).isEqualTo("line one\nline \"two\"");
        assertThat(first.labels()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("language", "en", "genre", "rock", "mood", "happy"));
        ManifestEntry second = entries.get(1);
        assertThat(second.lyrics()).isNull();
        assertThat(second.labels()).containsOnlyKeys("language");
    }

    @Test
    void readsALabelledFolderWithSideCarLyrics() throws Exception {
        Files.createDirectories(dir.resolve("jazz"));
        Files.createDirectories(dir.resolve("rock"));
        Files.write(dir.resolve("jazz/take five.wav"), new byte[] {1});
        Files.writeString(dir.resolve("jazz/take five.wav.txt"), "no words, just sax");
        Files.write(dir.resolve("rock/riff.mp3"), new byte[] {1});
        Files.writeString(dir.resolve("rock/notes.txt"), "not audio");

        List<ManifestEntry> entries = SongManifest.read(dir, "genre");

        assertThat(entries).extracting(ManifestEntry::title).containsExactly("take five", "riff");
        assertThat(entries.get(0).labels()).containsEntry("genre", "jazz");
        assertThat(entries.get(0).lyrics()).isEqualTo("no words, just sax");
        assertThat(entries.get(1).lyrics()).isNull();
        assertThat(entries.get(0).id()).isNull();
    }

    @Test
    void refusesAManifestWithoutAudioColumn() throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "id,title\n1,x\n");
        assertThatThrownBy(() -> SongManifest.read(csv, "label")).hasMessageContaining("no 'audio' column");
        assertThatThrownBy(() -> SongManifest.read(dir.resolve("missing.csv"), "label")).hasMessageContaining("no such manifest");
    }
}
