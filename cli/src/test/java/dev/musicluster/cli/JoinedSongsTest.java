package dev.musicluster.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.musicluster.library.ManifestEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real-length songs for the load command, joined by ffmpeg from short clips without re-encoding. */
class JoinedSongsTest {

    @TempDir
    Path dir;

    @Test
    void clipsAreJoinedIntoDistinctSongsOfAtLeastTheLength() throws Exception {
        List<ManifestEntry> clips = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            clips.add(clip("clip-" + c + ".mp3", 2.0, 220 * (c + 1), "style-" + c));
        }

        List<ManifestEntry> songs = JoinedSongs.make(clips, 4, 5.0, dir.resolve("joined"));

        assertThat(songs).extracting(ManifestEntry::id).containsExactly("joined-00000", "joined-00001", "joined-00002", "joined-00003");
        for (ManifestEntry song : songs) {
            // Three clips of about 2 s each reach 5 s; frames copied, so the length is theirs.
            assertThat(seconds(song.audio())).as(song.id()).isBetween(5.0, 6.5);
            assertThat(song.title()).endsWith("(+2 more)");
        }
        // Each song starts one clip later: its first clip's labels, and different audio.
        assertThat(songs).extracting(s -> s.labels().get("label")).containsExactly("style-0", "style-1", "style-2", "style-0");
        assertThat(Files.mismatch(songs.get(0).audio(), songs.get(1).audio())).isNotEqualTo(-1L);

        // A second call finds the songs made and leaves them as they are.
        long modified = Files.getLastModifiedTime(songs.get(0).audio()).toMillis();
        JoinedSongs.make(clips, 4, 5.0, dir.resolve("joined"));
        assertThat(Files.getLastModifiedTime(songs.get(0).audio()).toMillis()).isEqualTo(modified);
    }

    @Test
    void clipsOfTwoFormatsAreRefused() throws Exception {
        List<ManifestEntry> clips = List.of(clip("a.mp3", 1.0, 220, "x"), clip("b.flac", 1.0, 330, "y"));
        assertThatThrownBy(() -> JoinedSongs.make(clips, 1, 2.0, dir.resolve("joined")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one format");
    }

    private ManifestEntry clip(String name, double seconds, int frequency, String label) throws Exception {
        Path file = dir.resolve(name);
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                "sine=frequency=" + frequency + ":duration=" + seconds + ":sample_rate=44100", "-ac", "2", file.toString())
                .redirectErrorStream(true).start();
        String output = new String(ffmpeg.getInputStream().readAllBytes());
        assertThat(ffmpeg.waitFor()).as(output).isZero();
        return new ManifestEntry(name, file, name, "artist", "", Map.of("label", label));
    }

    private static double seconds(Path file) throws Exception {
        Process ffprobe = new ProcessBuilder("ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", file.toString())
                .start();
        String output = new String(ffprobe.getInputStream().readAllBytes()).strip();
        assertThat(ffprobe.waitFor()).isZero();
        return Double.parseDouble(output);
    }
}
