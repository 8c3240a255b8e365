package dev.musicluster.library;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads what a library file holds beside its bytes: its audio identity ({@link AudioStream}) and its description
 * from its tags ({@link AudioTags}), lyrics from the tags or from a sidecar {@code <audio file>.txt}, the title from the
 * file name when the tags have none, the tag genre as the {@code genre} label, and, when a folder label column is
 * named, the first folder under the root as that label ({@code <root>/<label>/<audio file>}).
 */
public final class LibraryFileReader {

    /** The label column the tag genre fills. */
    public static final String GENRE_LABEL = "genre";

    private final AudioStream stream;
    private final String folderLabel;

    /** @param folderLabel the label column named by a file's first folder, or null for none */
    public LibraryFileReader(AudioStream stream, String folderLabel) {
        this.stream = stream;
        this.folderLabel = folderLabel;
    }

    /**
     * A file's audio identity and description; {@code tagsUnreadable} says why its tags could not be read, when they
     * could not (the file is then described by its name: whether its audio is good is the decoder's to say).
     */
    public record Read(byte[] audioSha256, SongDescription description, String tagsUnreadable) {

        public Read(byte[] audioSha256, SongDescription description) {
            this(audioSha256, description, null);
        }
    }

    public Read read(LibraryScan.AudioFile file) throws IOException {
        byte[] audio = stream.sha256(file.path());
        AudioTags tags;
        String unreadable = null;
        try {
            tags = AudioTags.read(file.path(), file.container());
        } catch (AudioTags.TagsUnreadable e) {
            tags = AudioTags.NONE;
            unreadable = e.getMessage();
        }
        Map<String, String> labels = new HashMap<>();
        if (tags.genre() != null) {
            labels.put(GENRE_LABEL, tags.genre());
        }
        int slash = file.relative().indexOf('/');
        if (folderLabel != null && slash > 0) {
            labels.put(folderLabel, file.relative().substring(0, slash));
        }
        String lyrics = tags.lyrics() != null ? tags.lyrics() : sidecarLyrics(file.path());
        String title = tags.title() != null ? tags.title() : stem(file.path());
        return new Read(audio, new SongDescription(title, tags.artist(), tags.album(), tags.albumArtist(), tags.track(), tags.year(),
                tags.musicBrainzRecordingId(), lyrics, labels, file.relative()), unreadable);
    }

    private static String sidecarLyrics(Path audio) throws IOException {
        Path sidecar = audio.resolveSibling(audio.getFileName() + ".txt");
        if (!Files.isRegularFile(sidecar)) {
            return null;
        }
        String text = Files.readString(sidecar, StandardCharsets.UTF_8);
        return text.isBlank() ? null : text;
    }

    private static String stem(Path file) {
        return file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
    }
}
