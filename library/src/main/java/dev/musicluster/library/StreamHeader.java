package dev.musicluster.library;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.jaudiotagger.audio.AudioHeader;

/**
 * A stream's rate, channels and length as its container's header states them, read in this process: a few
 * milliseconds, where starting ffprobe costs about 90 (it loads a hundred shared libraries). The container is
 * recognised by the file's bytes, so a name that lies does not mislead the reader.
 *
 * <p>The length is the container's: for an MP3 with a LAME tag it counts the encoder's delay and padding, which ffprobe
 * leaves out (at most 0.13 s on emotify-dev).
 *
 * @param codec what jaudiotagger calls the encoding, for messages
 */
public record StreamHeader(String codec, int sampleRate, int channels, double seconds) {

    /** Empty where the container has no such header (AU, raw AAC), the file is damaged, or the header lacks one of the three. */
    public static Optional<StreamHeader> read(Path file) {
        try {
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(AudioContainer.SNIFF_BYTES);
            }
            Optional<AudioContainer> container = AudioContainer.sniff(head);
            if (container.isEmpty()) {
                return Optional.empty();
            }
            return Jaudiotagger.read(file, container.get()).map(audio -> audio.getAudioHeader()).flatMap(StreamHeader::of);
        } catch (Exception e) {
            // Unreadable or damaged (jaudiotagger's exceptions, checked and not): whoever decodes the file names what is wrong.
            return Optional.empty();
        }
    }

    private static Optional<StreamHeader> of(AudioHeader header) {
        int channels = channels(header.getChannels());
        double seconds = header.getPreciseTrackLength();
        if (header.getSampleRateAsNumber() <= 0 || channels <= 0 || !(seconds > 0)) {
            return Optional.empty();
        }
        return Optional.of(new StreamHeader(header.getEncodingType(), header.getSampleRateAsNumber(), channels, seconds));
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
