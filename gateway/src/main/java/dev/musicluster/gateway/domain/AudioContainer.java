package dev.musicluster.gateway.domain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The audio containers the pipeline decodes, recognised by their leading bytes rather than by file name, which
 * a client may get wrong.
 */
public enum AudioContainer {
    WAV("wav", "audio/wav"),
    AIFF("aiff", "audio/aiff"),
    AU("au", "audio/basic"),
    MP3("mp3", "audio/mpeg"),
    OGG("ogg", "audio/ogg"),
    FLAC("flac", "audio/flac"),
    M4A("m4a", "audio/mp4");

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
        return "WAV, AIFF, AU, MP3, OGG/Vorbis, FLAC, M4A/AAC";
    }
}
