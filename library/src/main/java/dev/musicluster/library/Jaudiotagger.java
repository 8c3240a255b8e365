package dev.musicluster.library;

import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;

/** jaudiotagger's one way in: a file read as the container its bytes say it is, whatever its name. */
final class Jaudiotagger {

    /** jaudiotagger reports every odd frame at WARNING through java.util.logging; kept referenced so the level holds. */
    private static final Logger TAGGER_LOG = Logger.getLogger("org.jaudiotagger");

    static {
        TAGGER_LOG.setLevel(Level.OFF);
    }

    private Jaudiotagger() {
    }

    /**
     * The file as jaudiotagger reads it; empty for a container it does not read (AU, raw AAC).
     *
     * @throws Exception any of the six checked and several unchecked exceptions by which jaudiotagger says a file is damaged
     */
    static Optional<AudioFile> read(Path file, AudioContainer container) throws Exception {
        String extension = switch (container) {
            case MP3 -> "mp3";
            case FLAC -> "flac";
            case OGG -> "ogg";
            case M4A -> "m4a";
            case WAV -> "wav";
            case AIFF -> "aif";
            case AU, AAC -> null;
        };
        return extension == null ? Optional.empty() : Optional.of(AudioFileIO.readAs(file.toFile(), extension));
    }
}
