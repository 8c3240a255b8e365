package dev.musicluster.gateway.library;

/** A song or playlist asked for by id that the active clustering does not hold. */
public class NotInLibrary extends RuntimeException {

    public NotInLibrary(String message) {
        super(message);
    }
}
