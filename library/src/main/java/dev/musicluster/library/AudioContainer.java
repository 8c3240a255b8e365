package dev.musicluster.library;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The audio containers the pipeline decodes, recognised by their leading bytes rather than by file name, which a
 * client or a library may get wrong. The one list of what the pipeline accepts: uploads, manifests and library scans
 * all read it.
 */
public enum AudioContainer {
    WAV("wav", "audio/wav"),
    AIFF("aiff", "audio/aiff"),
    AU("au", "audio/basic"),
    MP3("mp3", "audio/mpeg"),
    OGG("ogg", "audio/ogg"),
    FLAC("flac", "audio/flac"),
    M4A("m4a", "audio/mp4"),
    /** Raw AAC in ADTS frames, as some rippers and radio recorders write it. */
    AAC("aac", "audio/aac");

    /**
     * File extensions that name these containers (lower case): where a file's name is all there is to go by (a
     * manifest row whose file is not read yet), and as a cheap first filter before a file's bytes are sniffed.
     */
    public static final Set<String> EXTENSIONS = Set.of("wav", "wave", "aif", "aiff", "aifc", "au", "snd", "mp3", "ogg", "oga",
            "flac", "m4a", "mp4", "m4b", "aac");

    /** Enough leading bytes for every signature below. */
    public static final int SNIFF_BYTES = 12;

    private final String extension;
    private final String mediaType;

    AudioContainer(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public static Optional<AudioContainer> sniff(byte[] head) {
        if (startsWith(head, 0, "RIFF") && startsWith(head, 8, "WAVE") || startsWith(head, 0, "RF64")) {
            return Optional.of(WAV);
        }
        if (startsWith(head, 0, "FORM") && (startsWith(head, 8, "AIFF") || startsWith(head, 8, "AIFC"))) {
            return Optional.of(AIFF);
        }
        if (startsWith(head, 0, ".snd")) {
            return Optional.of(AU);
        }
        if (startsWith(head, 0, "ID3") || isMpegAudioFrame(head)) {
            return Optional.of(MP3);
        }
        if (startsWith(head, 0, "OggS")) {
            return Optional.of(OGG);
        }
        if (startsWith(head, 0, "fLaC")) {
            return Optional.of(FLAC);
        }
        if (startsWith(head, 4, "ftyp")) {
            return Optional.of(M4A);
        }
        if (isAdtsFrame(head)) {
            return Optional.of(AAC);
        }
        return Optional.empty();
    }

    /** An MPEG-1/2 layer III frame header: 11 sync bits, then a valid version and layer 3. */
    private static boolean isMpegAudioFrame(byte[] head) {
        if (head.length < 2) {
            return false;
        }
        int b0 = head[0] & 0xFF;
        int b1 = head[1] & 0xFF;
        boolean sync = b0 == 0xFF && (b1 & 0xE0) == 0xE0;
        boolean validVersion = (b1 & 0x18) != 0x08;
        boolean layer3 = (b1 & 0x06) == 0x02;
        return sync && validVersion && layer3;
    }

    /** An ADTS frame header: 12 sync bits, then layer 00 (which no MPEG audio frame has). */
    private static boolean isAdtsFrame(byte[] head) {
        return head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xF6) == 0xF0;
    }

    private static boolean startsWith(byte[] head, int offset, String ascii) {
        byte[] expected = ascii.getBytes(StandardCharsets.US_ASCII);
        return head.length >= offset + expected.length
                && Arrays.equals(head, offset, offset + expected.length, expected, 0, expected.length);
    }

    /** The media type of a stored format's extension; octet-stream for one this enum does not know. */
    public static String mediaType(String extension) {
        for (AudioContainer container : values()) {
            if (container.extension().equals(extension)) {
                return container.mediaType();
            }
        }
        return "application/octet-stream";
    }

    public static String supportedList() {
        return "WAV, AIFF, AU, MP3, OGG/Vorbis, FLAC, M4A/AAC, AAC (ADTS)";
    }
}
