package dev.musicluster.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
        AudioFiles.tone(dir.resolve("jazz/take five.wav"), 440);
        Files.writeString(dir.resolve("jazz/take five.wav.txt"), "no words, just sax");
        AudioFiles.tone(dir.resolve("rock/riff.mp3"), 550);
        Files.writeString(dir.resolve("rock/notes.txt"), "not audio");

        List<ManifestEntry> entries = SongManifest.read(dir, "genre");

        assertThat(entries).extracting(e -> e.description().title()).containsExactly("take five", "riff");
        assertThat(entries.get(0).labels()).containsEntry("genre", "jazz");
        assertThat(entries.get(0).lyrics()).isEqualTo("no words, just sax");
        assertThat(entries.get(1).lyrics()).isNull();
        assertThat(entries.get(0).id()).isNull();
    }

    /** A library as people keep one: no label from its folders, its tags fill the songs, a manifest's columns win over them. */
    @Test
    void readsAnyFolderWithTheFilesTagsAndAManifestsColumnsWin() throws Exception {
        AudioFiles.tone(dir.resolve("Artist/Album/01 Song.flac"), 440, "title=Tagged Title", "artist=Tagged Artist", "album=Album",
                "genre=Jazz", "date=2020");
        AudioFiles.tone(dir.resolve("Artist/loose.mp3"), 550);

        List<ManifestEntry> folder = SongManifest.read(dir, "label");
        assertThat(folder).hasSize(2);
        SongDescription tagged = folder.get(0).description();
        assertThat(tagged.title()).isEqualTo("Tagged Title");
        assertThat(tagged.album()).isEqualTo("Album");
        assertThat(tagged.year()).isEqualTo("2020");
        assertThat(tagged.labels()).as("not the labelled layout: no folder label; the tag genre").containsExactly(Map.entry("genre", "Jazz"));
        assertThat(folder.get(1).description().title()).isEqualTo("loose");

        Path csv = dir.resolve("songs.csv");
        Files.writeString(csv, "audio,title,genre\nArtist/Album/01 Song.flac,Manifest Title,rock\n");
        SongDescription manifested = SongManifest.read(csv, "label").get(0).description();
        assertThat(manifested.title()).isEqualTo("Manifest Title");
        assertThat(manifested.artist()).as("from the tags, the manifest has none").isEqualTo("Tagged Artist");
        assertThat(manifested.labels()).containsExactly(Map.entry("genre", "rock"));
    }

    @Test
    void refusesAManifestWithoutAudioColumn() throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "id,title\n1,x\n");
        assertThatThrownBy(() -> SongManifest.read(csv, "label")).hasMessageContaining("no 'audio' column");
        assertThatThrownBy(() -> SongManifest.read(dir.resolve("missing.csv"), "label")).hasMessageContaining("no such manifest");
    }
}
