package dev.musicluster.kit;

import java.io.IOException;

/** An object key that does not exist: retrying cannot help, so the record that named it is poison. */
public class MissingObjectException extends IOException {

    public MissingObjectException(String bucket, String what) {
        super("no such object in bucket " + bucket + ": " + what);
    }
}
