package dev.musicluster.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryScanTest {

    @TempDir
    Path root;

    @Test
    void findsEveryAudioFileByItsBytesInAnyLayout() throws Exception {
        AudioFiles.tone(root.resolve("Artist/Album/01 One.mp3"), 440);
        AudioFiles.tone(root.resolve("Artist/Album/02 Two.flac"), 550);
        AudioFiles.tone(root.resolve("loose.ogg"), 660);
        // Audio whatever its name says, and a name that says audio over bytes that are not.
        Files.copy(root.resolve("Artist/Album/02 Two.flac"), root.resolve("Artist/Album/renamed.dat"));
        Files.writeString(root.resolve("Artist/fake.mp3"), "not audio at all", StandardCharsets.UTF_8);
        Files.writeString(root.resolve("Artist/Album/notes.txt"), "liner notes", StandardCharsets.UTF_8);
        Files.createDirectories(root.resolve(".hidden"));
        AudioFiles.tone(root.resolve(".hidden/secret.mp3"), 440);
        AudioFiles.tone(root.resolve("Artist/.partial.mp3"), 440);

        LibraryScan.Result scan = LibraryScan.scan(root, LibraryScan.Known.NOTHING);

        assertThat(scan.audio()).extracting(LibraryScan.AudioFile::relative)
                .containsExactly("Artist/Album/01 One.mp3", "Artist/Album/02 Two.flac", "Artist/Album/renamed.dat", "loose.ogg");
        assertThat(scan.audio()).extracting(LibraryScan.AudioFile::container)
                .containsExactly(AudioContainer.MP3, AudioContainer.FLAC, AudioContainer.FLAC, AudioContainer.OGG);
        assertThat(scan.problems()).extracting(LibraryScan.Problem::relative).containsExactly("Artist/fake.mp3");
        assertThat(scan.problems().get(0).reason()).contains("named as audio");
        assertThat(scan.skipped()).as("notes.txt").isEqualTo(1);
    }

    @Test
    void followsLinksButNeverRoundALoop() throws Exception {
        Path outside = Files.createTempDirectory("outside");
        AudioFiles.tone(outside.resolve("linked.mp3"), 440);
        Files.createSymbolicLink(root.resolve("elsewhere"), outside);
        Files.createDirectories(root.resolve("a"));
        Files.createSymbolicLink(root.resolve("a/back-to-root"), root);

        LibraryScan.Result scan = LibraryScan.scan(root, LibraryScan.Known.NOTHING);

        assertThat(scan.audio()).extracting(LibraryScan.AudioFile::relative).containsExactly("elsewhere/linked.mp3");
        assertThat(scan.problems()).singleElement().satisfies(p -> {
            assertThat(p.relative()).isEqualTo("a/back-to-root");
            assertThat(p.reason()).contains("symbolic link");
        });
    }

    @Test
    void aNameWithControlCharactersIsListedNotTaken() throws Exception {
        AudioFiles.tone(root.resolve("ok.mp3"), 440);
        Files.copy(root.resolve("ok.mp3"), root.resolve("bad\u0007name.mp3"));

        LibraryScan.Result scan = LibraryScan.scan(root, LibraryScan.Known.NOTHING);

        assertThat(scan.audio()).extracting(LibraryScan.AudioFile::relative).containsExactly("ok.mp3");
        assertThat(scan.problems()).singleElement().satisfies(p -> {
            assertThat(p.relative()).isEqualTo("bad\\u0007name.mp3");
            assertThat(p.reason()).contains("control characters");
        });
    }

    @Test
    void aFileTheIndexKnowsAsItIsIsNotOpened() throws Exception {
        // Text bytes under a known size and time: listed as the index says, which proves it was not read.
        Path file = root.resolve("known.mp3");
        Files.writeString(file, "text, not audio", StandardCharsets.UTF_8);
        long size = Files.size(file);
        long modified = Files.getLastModifiedTime(file).toMillis();
        LibraryScan.Known index = (relative, s, m) -> relative.equals("known.mp3") && s == size && m == modified
                ? Optional.of(AudioContainer.MP3) : Optional.empty();

        assertThat(LibraryScan.scan(root, index).audio()).extracting(LibraryScan.AudioFile::relative).isEqualTo(List.of("known.mp3"));
        Files.writeString(file, "text, not audio, changed", StandardCharsets.UTF_8);
        assertThat(LibraryScan.scan(root, index).problems()).extracting(LibraryScan.Problem::relative).containsExactly("known.mp3");
    }

    @Test
    void aFileThatDisappearsWhileTheScanReadsItIsListedAndTheScanGoesOn() throws Exception {
        AudioFiles.tone(root.resolve("stays.mp3"), 440);
        AudioFiles.tone(root.resolve("goes.mp3"), 550);
        // Deleted between the directory listing and the reading of its first bytes, as a user's "mv" or "rm" would.
        LibraryScan.Known deleting = (relative, size, modified) -> {
            if (relative.equals("goes.mp3")) {
                try {
                    Files.delete(root.resolve(relative));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return Optional.empty();
        };

        LibraryScan.Result scan = LibraryScan.scan(root, deleting);

        assertThat(scan.audio()).extracting(LibraryScan.AudioFile::relative).containsExactly("stays.mp3");
        assertThat(scan.problems()).singleElement().satisfies(p -> {
            assertThat(p.relative()).isEqualTo("goes.mp3");
            assertThat(p.reason()).isEqualTo("vanished while it was read");
        });
    }

    @Test
    void aMissingFolderIsAClearError() {
        assertThatThrownBy(() -> LibraryScan.scan(root.resolve("nowhere"), LibraryScan.Known.NOTHING))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("no such library folder");
    }
}
