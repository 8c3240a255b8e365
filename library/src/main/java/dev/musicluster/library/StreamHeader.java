package dev.musicluster.library;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jaudiotagger.audio.AudioHeader;
import org.jaudiotagger.audio.mp3.MP3AudioHeader;

/**
 * A stream's rate, channels and length as its container's header states them, read in this process: a few
 * milliseconds, where starting ffprobe costs about 90 (it loads a hundred shared libraries). The container is
 * recognised by the file's bytes, so a name that lies does not mislead the reader.
 *
 * <p>Only where the header states the length ffprobe reports, to the sample: FLAC (its sample count), WAV and AIFF
 * (their data size), Ogg Vorbis (its last granule), and an MP3 with a frame count (a Xing, Info or VBRI header, which
 * LAME writes by default): its frames × samples per frame. Without a frame count an MP3's length is an estimate from
 * its bitrate, and jaudiotagger's and ffprobe's differ (on emotify-dev's clips by 0.12 s: the centre window moved by
 * 0.06 s, enough to change 6 % of the songs' top three musicnn tags, issue 31); an M4A's may count the AAC priming its
 * edit list cuts. Those are left to ffprobe. On the development sets: 402 MP3s with a frame count, every length within
 * 3.3e-7 s of ffprobe's.
 *
 * @param codec what jaudiotagger calls the encoding, for messages
 */
public record StreamHeader(String codec, int sampleRate, int channels, double seconds) {

    private static final Set<AudioContainer> EXACT_LENGTH = EnumSet.of(AudioContainer.FLAC, AudioContainer.WAV, AudioContainer.AIFF,
            AudioContainer.OGG, AudioContainer.MP3);

    /**
     * Empty where the container's header does not state the exact length (an MP3 without a frame count, M4A, AU, raw
     * AAC), the file is damaged, or the header lacks one of the three.
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
        // jaudiotagger counts an MP3's frames from its Xing, Info or VBRI header, and estimates them from the bitrate
        // without one: the two equal means there was none.
        if (header instanceof MP3AudioHeader mp3 && mp3.getNumberOfFrames() == mp3.getNumberOfFramesEstimate()) {
            return Optional.empty();
        }
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
