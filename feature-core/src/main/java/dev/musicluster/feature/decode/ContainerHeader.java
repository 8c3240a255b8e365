package dev.musicluster.feature.decode;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.audio.AudioHeader;

/**
 * A stream's rate, channels and length read from its container's header in this process, by jaudiotagger (already the
 * library's tag reader): a few milliseconds, where starting ffprobe costs about 90 (it loads a hundred shared
 * libraries). Only the containers jaudiotagger knows (by the file's extension) and only a header that names all three;
 * anything else is left to ffprobe.
 *
 * <p>The length is the container's: for an MP3 with a LAME tag it counts the encoder's delay and padding, which ffprobe
 * leaves out (at most 0.13 s on emotify-dev), so a centre window sits up to 0.06 s later than with ffprobe's length.
 */
final class ContainerHeader {

    private static final Set<String> READABLE = Set.of("mp3", "flac", "ogg", "oga", "m4a", "mp4", "m4b", "wav", "aif", "aiff", "aifc");
    /** jaudiotagger reports every odd frame at WARNING through java.util.logging; kept referenced so the level holds. */
    private static final Logger TAGGER_LOG = Logger.getLogger("org.jaudiotagger");

    static {
        TAGGER_LOG.setLevel(Level.OFF);
    }

    private ContainerHeader() {
    }

    static Optional<AudioDecoder.StreamInfo> read(Path file) {
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (!READABLE.contains(extension)) {
            return Optional.empty();
        }
        try {
            AudioHeader header = AudioFileIO.readAs(file.toFile(), extension).getAudioHeader();
            int rate = header.getSampleRateAsNumber();
            int channels = channels(header.getChannels());
            double seconds = header.getPreciseTrackLength();
            if (rate <= 0 || channels <= 0 || !(seconds > 0)) {
                return Optional.empty();
            }
            return Optional.of(new AudioDecoder.StreamInfo(header.getEncodingType(), rate, channels, seconds));
        } catch (Exception e) {
            // jaudiotagger signals a damaged or unusual file with any of six checked exceptions and several unchecked ones:
            // ffprobe then decides, and names what is wrong.
            return Optional.empty();
        }
    }

    /** A number, or MPEG audio's channel modes by name. */
    static int channels(String text) {
        if (text == null) {
            return 0;
        }
        String mode = text.strip().toLowerCase(Locale.ROOT);
        if (mode.equals("mono")) {
            return 1;
        }
        if (mode.contains("stereo") || mode.contains("dual")) {
            return 2;
        }
        try {
            return Integer.parseInt(mode);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
