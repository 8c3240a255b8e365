package dev.musicluster.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryIndexTest {

    @TempDir
    Path dir;

    private static LibraryIndex.Entry entry(String relative, long size) {
        return new LibraryIndex.Entry(relative, size, 1_700_000_000_000L, AudioContainer.FLAC, "ab".repeat(32), "s-" + relative.hashCode(),
                "cd".repeat(32));
    }

    @Test
    void whatWasWrittenSurvivesAReopenAndATornLastLine() throws Exception {
        Path file = dir.resolve("state/index.tsv");
        try (LibraryIndex index = LibraryIndex.open(file)) {
            index.put(entry("A/a.flac", 10));
            index.put(entry("B/b.flac", 20));
            index.put(entry("A/a.flac", 11));
            index.remove("B/b.flac");
            index.put(entry("C/ü 歌.flac", 30));
        }
        // A writer killed mid-line leaves half a line behind.
        Files.writeString(file, "D/d.flac\t40\t17000", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (LibraryIndex index = LibraryIndex.open(file)) {
            assertThat(index.entries()).extracting(LibraryIndex.Entry::relative).containsExactly("A/a.flac", "C/ü 歌.flac");
            assertThat(index.get("A/a.flac")).contains(entry("A/a.flac", 11));
            assertThat(index.known().container("A/a.flac", 11, 1_700_000_000_000L)).contains(AudioContainer.FLAC);
            assertThat(index.known().container("A/a.flac", 12, 1_700_000_000_000L)).as("another size").isEmpty();
        }
    }

    @Test
    void aJournalTwiceItsEntriesIsRewrittenWhole() throws Exception {
        Path file = dir.resolve("index.tsv");
        try (LibraryIndex index = LibraryIndex.open(file)) {
            for (int i = 0; i < 3000; i++) {
                index.put(entry("same.flac", i));
            }
        }
        assertThat(Files.readAllLines(file)).hasSize(3001);
        try (LibraryIndex index = LibraryIndex.open(file)) {
            assertThat(index.get("same.flac")).contains(entry("same.flac", 2999));
        }
        assertThat(Files.readAllLines(file)).as("header and the one entry").hasSize(2);
    }
}
