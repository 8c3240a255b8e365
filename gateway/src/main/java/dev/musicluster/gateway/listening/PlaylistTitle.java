package dev.musicluster.gateway.listening;

/**
 * A name a person gives a playlist. It is written into M3U8 lines and XML, where a line break or another control
 * character would break the file or inject entries, so such a name is refused with the reason, not cleaned.
 */
public final class PlaylistTitle {

    public static final int MAX_CHARS = 200;

    private PlaylistTitle() {
    }

    public static String require(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a playlist name must not be empty");
        }
        if (name.length() > MAX_CHARS) {
            throw new IllegalArgumentException("a playlist name has at most " + MAX_CHARS + " characters, not " + name.length());
        }
        int[] codePoints = name.codePoints().toArray();
        for (int i = 0; i < codePoints.length; i++) {
            if (Character.isISOControl(codePoints[i]) || Character.getType(codePoints[i]) == Character.FORMAT
                    && codePoints[i] != 0x200D && codePoints[i] != 0x200C) {
                throw new IllegalArgumentException(String.format("a playlist name must not contain control characters: U+%04X at %d",
                        codePoints[i], i));
            }
        }
        return name.strip();
    }

    /** Text from elsewhere (a song's title or artist) made safe for one line: control characters become spaces. */
    static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return out.toString().strip();
    }
}
