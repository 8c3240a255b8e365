package dev.musicluster.embedding.domain.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Whether lyrics are valid Unicode text. Decoding is strict (a lenient decoder would silently turn bad bytes into
 * U+FFFD), and a replacement character or a lone surrogate already in a string means the text was damaged before it
 * reached us.
 */
public final class TextValidity {

    private TextValidity() {
    }

    public static String decodeUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidTextException("lyrics are not valid UTF-8 (" + e.getMessage() + ")");
        }
    }

    public static String requireValid(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD') {
                throw new InvalidTextException("lyrics contain U+FFFD: they were decoded from an invalid encoding upstream");
            }
            if (Character.isHighSurrogate(c) && (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                throw new InvalidTextException("lyrics contain a lone UTF-16 surrogate at position " + i);
            }
        }
        return text;
    }
}
