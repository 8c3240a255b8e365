package dev.musicluster.embedding.domain.vector;

/** An embedding of lyrics and who made it. */
public record LyricsVector(float[] values, String embedderId, String embedderVersion) {

    public int dimension() {
        return values.length;
    }
}
