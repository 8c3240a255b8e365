package dev.musicluster.library;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a sync must tell the system to bring it in step with the folder, from a scan, the index and the files it had
 * to read. A file whose size and modification time the index recorded is unchanged and never read. Otherwise:
 * <ul>
 *   <li>a path the index knows, whose audio changed: the same song with new audio ({@link Action.Replace});</li>
 *   <li>a path the index knows, whose audio is the same (retagged, touched): the same song's metadata, sent only when it
 *   changed ({@link Action.Describe}; {@link Action.Record} when nothing the system keeps changed);</li>
 *   <li>a new path whose audio is a vanished path's: the same song, moved ({@link Action.Describe} with its new source);</li>
 *   <li>a new path with new audio: a new song ({@link Action.Add}); a second file with the same audio as another is
 *   one song, and the copy is listed as such;</li>
 *   <li>a path the index knows that is gone, and not moved: the song removed ({@link Action.Remove}).</li>
 * </ul>
 * A file that cannot be read keeps its song as the system last had it and is listed with its reason.
 */
public final class SyncPlan {

    /** One step, in the order the plan lists them: removals last, so that a moved file is never removed first. */
    public sealed interface Action permits Action.Add, Action.Replace, Action.Describe, Action.Record, Action.Remove {

        /** The file the action is about, relative to the library's root. */
        String relative();

        /** A new song. */
        record Add(LibraryScan.AudioFile file, String audioSha256, SongDescription description) implements Action {
            @Override
            public String relative() {
                return file.relative();
            }
        }

        /** A known song whose audio changed: a new revision of it. */
        record Replace(LibraryScan.AudioFile file, String songId, String audioSha256, SongDescription description) implements Action {
            @Override
            public String relative() {
                return file.relative();
            }
        }

        /** A known song whose metadata or place changed, its audio the same: no new analysis. */
        record Describe(LibraryScan.AudioFile file, String songId, String audioSha256, SongDescription description, String movedFrom)
                implements Action {
            @Override
            public String relative() {
                return file.relative();
            }
        }

        /** A file touched without a change the system keeps: only the index learns its new size and time. */
        record Record(LibraryScan.AudioFile file, LibraryIndex.Entry entry) implements Action {
            @Override
            public String relative() {
                return file.relative();
            }
        }

        /** A song whose file is gone. */
        record Remove(LibraryIndex.Entry entry) implements Action {
            @Override
            public String relative() {
                return entry.relative();
            }
        }
    }

    /** A file read, or why it could not be. */
    public record Reading(LibraryFileReader.Read read, String failure) {
    }

    public record Plan(List<Action> actions, int unchanged, List<LibraryScan.Problem> problems, Map<String, String> copies) {

        public long count(Class<? extends Action> kind) {
            return actions.stream().filter(kind::isInstance).count();
        }
    }

    private SyncPlan() {
    }

    /** The files a sync must read: those the index does not know as they are now. */
    public static List<LibraryScan.AudioFile> toRead(LibraryScan.Result scan, LibraryIndex index) {
        return scan.audio().stream().filter(file -> !unchanged(file, index)).toList();
    }

    /**
     * @param scan  the folder as it is
     * @param index what the system was told
     * @param read  each file of {@link #toRead}, read
     */
    public static Plan plan(LibraryScan.Result scan, LibraryIndex index, Function<LibraryScan.AudioFile, Reading> read) {
        Set<String> present = scan.audio().stream().map(LibraryScan.AudioFile::relative).collect(Collectors.toSet());
        // A file that is there but cannot be read now (damaged, unreadable) is not a file gone: its song stays as it was.
        scan.problems().forEach(problem -> present.add(problem.relative()));
        Map<String, LibraryIndex.Entry> vanished = new LinkedHashMap<>();
        for (LibraryIndex.Entry entry : index.entries()) {
            if (!present.contains(entry.relative())) {
                vanished.putIfAbsent(entry.audioSha256(), entry);
            }
        }
        Map<String, String> owner = new HashMap<>();
        index.entries().stream().filter(e -> present.contains(e.relative())).forEach(e -> owner.putIfAbsent(e.audioSha256(), e.relative()));
        List<Action> actions = new ArrayList<>();
        List<LibraryScan.Problem> problems = new ArrayList<>(scan.problems());
        Map<String, String> copies = new LinkedHashMap<>();
        Set<String> movedFrom = new HashSet<>();
        int unchanged = 0;
        for (LibraryScan.AudioFile file : scan.audio()) {
            if (unchanged(file, index)) {
                unchanged++;
                continue;
            }
            Reading reading = read.apply(file);
            if (reading.failure() != null) {
                problems.add(new LibraryScan.Problem(file.relative(), reading.failure()));
                continue;
            }
            String audio = HexFormat.of().formatHex(reading.read().audioSha256());
            SongDescription description = reading.read().description();
            LibraryIndex.Entry known = index.get(file.relative()).orElse(null);
            if (known != null) {
                actions.add(!known.audioSha256().equals(audio) ? new Action.Replace(file, known.songId(), audio, description)
                        : known.metadataSha256().equals(description.metadataSha256()) ? new Action.Record(file, known)
                        : new Action.Describe(file, known.songId(), audio, description, null));
                continue;
            }
            LibraryIndex.Entry moved = vanished.remove(audio);
            String first = owner.putIfAbsent(audio, file.relative());
            if (moved != null) {
                movedFrom.add(moved.relative());
                actions.add(new Action.Describe(file, moved.songId(), audio, description, moved.relative()));
            } else if (first != null) {
                copies.put(file.relative(), first);
            } else {
                actions.add(new Action.Add(file, audio, description));
            }
        }
        for (LibraryIndex.Entry entry : index.entries()) {
            if (!present.contains(entry.relative()) && !movedFrom.contains(entry.relative())) {
                actions.add(new Action.Remove(entry));
            }
        }
        return new Plan(List.copyOf(actions), unchanged, List.copyOf(problems), copies);
    }

    private static boolean unchanged(LibraryScan.AudioFile file, LibraryIndex index) {
        return index.get(file.relative()).filter(e -> e.size() == file.size() && e.modifiedMillis() == file.modifiedMillis()).isPresent();
    }
}
