package dev.musicluster.library;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jaudiotagger.audio.AudioHeader;

/**
 * A stream's rate, channels and length as its container's header states them, read in this process: a few
 * milliseconds, where starting ffprobe costs about 90 (it loads a hundred shared libraries). The container is
 * recognised by the file's bytes, so a name that lies does not mislead the reader.
 *
 * <p>Only containers whose header states the decoded length exactly: FLAC (its sample count), WAV and AIFF (their data
 * size), Ogg Vorbis (its last granule). An MP3's length is an estimate unless it has a frame count, and then it counts
 * the encoder's delay and padding; an M4A's may count the AAC priming its edit list cuts. Where ffprobe and the header
 * differ, the centre window moves: on emotify-dev's MP3s by 0.06 s, enough to change the top three musicnn tags of
 * 6 % of the songs (issue 31). Those are left to ffprobe.
 *
 * @param codec what jaudiotagger calls the encoding, for messages
 */
public record StreamHeader(String codec, int sampleRate, int channels, double seconds) {

    private static final Set<AudioContainer> EXACT_LENGTH = EnumSet.of(AudioContainer.FLAC, AudioContainer.WAV, AudioContainer.AIFF,
            AudioContainer.OGG);

    /**
     * Empty where the container's header does not state the exact length (MP3, M4A, AU, raw AAC), the file is damaged,
     * or the header lacks one of the three.
     */
    public static Optional<StreamHeader> read(Path file) {
        try {
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(AudioContainer.SNIFF_BYTES);
            }
            Optional<AudioContainer> container = AudioContainer.sniff(head).filter(EXACT_LENGTH::contains);
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
