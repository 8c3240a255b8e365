package dev.musicluster.training.domain.model;

/** Which fixed-length vector of a song the dense models read. */
public enum SongVector {
    /** The 92-value summary vector (MFCC statistics, spectral descriptors, tempo). */
    SUMMARY("summary"),
    /** musicnn's MSD and MTT embeddings (400 values). */
    MUSICNN("musicnn");

    private final String id;

    SongVector(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static SongVector of(String id) {
        for (SongVector vector : values()) {
            if (vector.id.equals(id)) {
                return vector;
            }
        }
        throw new IllegalArgumentException("vector must be auto, summary or musicnn, not " + id);
    }
}
