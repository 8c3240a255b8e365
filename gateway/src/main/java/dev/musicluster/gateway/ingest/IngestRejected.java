package dev.musicluster.gateway.ingest;

/** An upload refused for what it is, with the HTTP status that says why (400, 413, 415). */
public class IngestRejected extends RuntimeException {

    private final int status;

    public IngestRejected(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
