package dev.musicluster.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan from a scan and an index alone: the reading of files is stubbed by what each file's audio and tags are. */
class SyncPlanTest {

    @TempDir
    Path dir;

    private final List<String> read = new ArrayList<>();

    private static LibraryScan.AudioFile file(String relative, long size) {
        return new LibraryScan.AudioFile(Path.of(relative), relative, size, 1000L, AudioContainer.MP3);
    }

    private static String audio(String name) {
        return HexFormat.of().formatHex(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static SongDescription description(String title, String relative) {
        return new SongDescription(title, "Artist", null, null, null, null, null, null, Map.of(), relative);
    }

    /** A reader that knows each file's audio (by name) and title. */
    private SyncPlan.Reading reading(LibraryScan.AudioFile file, Map<String, String[]> world) {
        read.add(file.relative());
        String[] audioAndTitle = world.get(file.relative());
        if (audioAndTitle == null) {
            return new SyncPlan.Reading(null, "no readable audio: Invalid data found when processing input");
        }
        return new SyncPlan.Reading(new LibraryFileReader.Read(HexFormat.of().parseHex(audio(audioAndTitle[0])),
                description(audioAndTitle[1], file.relative())), null);
    }

    private static LibraryIndex.Entry known(String relative, long size, String audio, String title) {
        return new LibraryIndex.Entry(relative, size, 1000L, AudioContainer.MP3, audio(audio), "id-" + audio,
                description(title, relative).metadataSha256());
    }

    @Test
    void everyKindOfChangeBecomesItsAction() throws Exception {
        try (LibraryIndex index = LibraryIndex.open(dir.resolve("index.tsv"))) {
            index.put(known("same.mp3", 1, "same", "Same"));
            index.put(known("retagged.mp3", 1, "retagged", "Old title"));
            index.put(known("touched.mp3", 1, "touched", "Touched"));
            index.put(known("reencoded.mp3", 1, "before", "Reencoded"));
            index.put(known("old/place.mp3", 1, "moved", "Moved"));
            index.put(known("gone.mp3", 1, "gone", "Gone"));
            index.put(known("now-damaged.mp3", 1, "damaged", "Damaged"));
            List<LibraryScan.AudioFile> files = List.of(file("same.mp3", 1), file("retagged.mp3", 2), file("touched.mp3", 2),
                    file("reencoded.mp3", 2), file("new/place.mp3", 1), file("new.mp3", 1), file("copy of new.mp3", 1),
                    file("now-damaged.mp3", 2));
            Map<String, String[]> world = Map.of(
                    "retagged.mp3", new String[] {"retagged", "New title"},
                    "touched.mp3", new String[] {"touched", "Touched"},
                    "reencoded.mp3", new String[] {"after", "Reencoded"},
                    "new/place.mp3", new String[] {"moved", "Moved"},
                    "new.mp3", new String[] {"new", "New"},
                    "copy of new.mp3", new String[] {"new", "New"});
            index.put(known("overwritten.mp3", 1, "overwritten", "Overwritten"));
            // A scan lists its files in path order; a file there but no longer audio is a problem, not a file gone.
            LibraryScan.Result scan = new LibraryScan.Result(dir, files.stream()
                    .sorted(java.util.Comparator.comparing(LibraryScan.AudioFile::relative)).toList(),
                    List.of(new LibraryScan.Problem("overwritten.mp3", "named as audio, but its bytes are none of ...")), 0);

            SyncPlan.Plan plan = SyncPlan.plan(scan, index, f -> reading(f, world));

            assertThat(read).as("files read").doesNotContain("same.mp3").hasSize(7);
            assertThat(plan.unchanged()).isEqualTo(1);
            assertThat(plan.actions()).hasSize(6);
            assertThat(plan.actions()).filteredOn(SyncPlan.Action.Replace.class::isInstance).singleElement()
                    .satisfies(a -> assertThat(((SyncPlan.Action.Replace) a).songId()).isEqualTo("id-before"));
            assertThat(plan.actions()).filteredOn(SyncPlan.Action.Describe.class::isInstance)
                    .extracting(a -> ((SyncPlan.Action.Describe) a).songId() + " " + ((SyncPlan.Action.Describe) a).movedFrom())
                    .containsExactlyInAnyOrder("id-retagged null", "id-moved old/place.mp3");
            assertThat(plan.actions()).filteredOn(SyncPlan.Action.Record.class::isInstance).singleElement()
                    .satisfies(a -> assertThat(((SyncPlan.Action.Record) a).file().relative()).isEqualTo("touched.mp3"));
            assertThat(plan.actions()).filteredOn(SyncPlan.Action.Add.class::isInstance).singleElement()
                    .satisfies(a -> assertThat(((SyncPlan.Action.Add) a).file().relative()).isEqualTo("copy of new.mp3"));
            assertThat(plan.copies()).containsExactly(Map.entry("new.mp3", "copy of new.mp3"));
            assertThat(plan.actions()).filteredOn(SyncPlan.Action.Remove.class::isInstance)
                    .extracting(a -> ((SyncPlan.Action.Remove) a).entry().relative()).containsExactly("gone.mp3");
            assertThat(plan.problems()).extracting(LibraryScan.Problem::relative).containsExactly("overwritten.mp3", "now-damaged.mp3");
            assertThat(plan.actions().get(plan.actions().size() - 1)).as("removals last").isInstanceOf(SyncPlan.Action.Remove.class);
        }
    }

    @Test
    void nothingChangedNothingRead() throws Exception {
        try (LibraryIndex index = LibraryIndex.open(dir.resolve("index.tsv"))) {
            List<LibraryScan.AudioFile> files = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                index.put(known("f" + i + ".mp3", 1, "a" + i, "T" + i));
                files.add(file("f" + i + ".mp3", 1));
            }
            SyncPlan.Plan plan = SyncPlan.plan(new LibraryScan.Result(dir, files, List.of(), 0), index, f -> reading(f, Map.of()));
            assertThat(read).isEmpty();
            assertThat(plan.actions()).isEmpty();
            assertThat(plan.unchanged()).isEqualTo(1000);
        }
    }
}
