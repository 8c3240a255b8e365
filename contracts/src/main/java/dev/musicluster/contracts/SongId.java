package dev.musicluster.contracts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Song and run identifiers. They become Kafka keys and parts of object keys, so only a safe alphabet is accepted:
 * no path separators, no "..", nothing a shell or URL would reinterpret.
 */
public final class SongId {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private SongId() {
    }

    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches() && !id.equals(".") && !id.equals("..");
    }

    /** Returns the id unchanged, or throws with a message naming the rule it broke. */
    public static String require(String id) {
        if (!isValid(id)) {
            throw new IllegalArgumentException(
                    "invalid id '" + id + "': use 1 to 128 of the characters A-Z a-z 0-9 . _ - (and not '.' or '..')");
        }
        return id;
    }

    /**
     * The id of a song that came without one: derived from its audio, so ingesting the same file twice names the
     * same song.
     */
    public static String fromContent(byte[] sha256) {
        return "s-" + HexFormat.of().formatHex(sha256, 0, 10);
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    public static String sha256Hex(byte[] data) {
        return HexFormat.of().formatHex(sha256(data));
    }

    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
