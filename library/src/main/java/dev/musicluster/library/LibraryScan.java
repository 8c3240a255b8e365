package dev.musicluster.library;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Every audio file under a folder, whatever its layout ({@code Artist/Album/01 Title.flac}, a flat folder, a labelled
 * one): walked recursively, following symbolic links (a link back into a folder being walked is reported, never
 * followed), hidden files and folders left out, and each file recognised by its leading bytes as uploads are, not by
 * its name. A file already known by its path, size and modification time is not opened at all ({@link Known}), so a
 * library whose files did not change is scanned by its directory entries alone.
 */
public final class LibraryScan {

    private LibraryScan() {
    }

    /** An audio file: where it is, relative to the library's root with '/' separators, and what it is. */
    public record AudioFile(Path path, String relative, long size, long modifiedMillis, AudioContainer container) {
    }

    /** A file that could be music but cannot be read as such, with the reason. */
    public record Problem(String relative, String reason) {
    }

    /** What a scan found; {@code skipped} counts the files that are not audio (covers, text, playlists...). */
    public record Result(Path root, List<AudioFile> audio, List<Problem> problems, int skipped) {
    }

    /** What an index already knows of a file: its container, when its size and modification time are unchanged. */
    @FunctionalInterface
    public interface Known {
        Optional<AudioContainer> container(String relative, long size, long modifiedMillis);

        Known NOTHING = (relative, size, modified) -> Optional.empty();
    }

    public static Result scan(Path root, Known known) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new NoSuchFileException(root.toString(), null, "no such library folder");
        }
        Path base = root.toRealPath();
        List<AudioFile> audio = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int[] skipped = {0};
        Files.walkFileTree(base, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                return !dir.equals(base) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (hidden(file) || !attributes.isRegularFile()) {
                    return FileVisitResult.CONTINUE;
                }
                String relative = relative(base, file);
                long size = attributes.size();
                long modified = attributes.lastModifiedTime().toMillis();
                if (relative.codePoints().anyMatch(Character::isISOControl)) {
                    problems.add(new Problem(printable(relative), "its name holds control characters, which no playlist can carry"));
                    return FileVisitResult.CONTINUE;
                }
                Optional<AudioContainer> container = known.container(relative, size, modified);
                if (container.isEmpty()) {
                    try {
                        container = AudioContainer.sniff(head(file));
                    } catch (NoSuchFileException e) {
                        problems.add(new Problem(relative, "vanished while it was read"));
                        return FileVisitResult.CONTINUE;
                    } catch (IOException e) {
                        problems.add(new Problem(relative, "unreadable: " + reason(e)));
                        return FileVisitResult.CONTINUE;
                    }
                }
                if (container.isPresent()) {
                    audio.add(new AudioFile(file, relative, size, modified, container.get()));
                } else if (AudioContainer.EXTENSIONS.contains(SongManifest.extension(file))) {
                    problems.add(new Problem(relative, "named as audio, but its bytes are none of " + AudioContainer.supportedList()));
                } else {
                    skipped[0]++;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                String relative = relative(base, file);
                if (e instanceof FileSystemLoopException) {
                    problems.add(new Problem(relative, "a symbolic link back into a folder already being read: not followed"));
                } else if (!hidden(file)) {
                    problems.add(new Problem(relative, "unreadable: " + reason(e)));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        audio.sort(Comparator.comparing(AudioFile::relative));
        problems.sort(Comparator.comparing(Problem::relative));
        return new Result(base, List.copyOf(audio), List.copyOf(problems), skipped[0]);
    }

    private static boolean hidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static String relative(Path base, Path file) {
        return base.relativize(file).toString().replace('\\', '/');
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(AudioContainer.SNIFF_BYTES);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** A name with its control characters shown as \\uXXXX, so that a report prints it on one line. */
    static String printable(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
