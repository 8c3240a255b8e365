package dev.musicluster.embedding.domain.text;

/** Lyrics that are not valid text (undecodable bytes, lone surrogates): a dead letter, not a retry. */
public class InvalidTextException extends RuntimeException {

    public InvalidTextException(String reason) {
        super(reason);
    }
}
