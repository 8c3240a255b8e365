package dev.musicluster.gateway.listening;

/**
 * A song placed in a space for listening: who and how long it is, and its direction in the space (unit length, so
 * that every distance here is the cosine distance the paths are drawn with).
 *
 * @param seconds its duration, or NaN when not known yet
 * @param source  where the song came from (a manifest's relative path), or null: a local library's playlists use it
 */
public record SongPoint(String id, String title, String artist, double seconds, String source, float[] direction) {

    /** The song at {@code vector}'s direction; a zero vector has none and is refused. */
    public static SongPoint of(String id, String title, String artist, double seconds, String source, float[] vector) {
        double norm = 0;
        for (float value : vector) {
            norm += (double) value * value;
        }
        norm = Math.sqrt(norm);
        if (!(norm > 0) || Double.isInfinite(norm)) {
            throw new IllegalArgumentException("song " + id + " has no direction: its vector is zero or not finite");
        }
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return new SongPoint(id, title, artist, seconds, source, unit);
    }

    /** 1 − cosine similarity: 0 for the same direction, 2 for opposite ones. */
    public double distanceTo(SongPoint other) {
        return distanceTo(other.direction);
    }

    /**
     * Four running sums: with one, every addition waits for the one before it, and scans over a library (radio, path)
     * cost a 400-value space 3–4 times as long.
     */
    public double distanceTo(float[] unit) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < direction.length; i += 4) {
            s0 += (double) direction[i] * unit[i];
            s1 += (double) direction[i + 1] * unit[i + 1];
            s2 += (double) direction[i + 2] * unit[i + 2];
            s3 += (double) direction[i + 3] * unit[i + 3];
        }
        for (; i < direction.length; i++) {
            s0 += (double) direction[i] * unit[i];
        }
        // Unit vectors rounded to floats can have a dot product a hair above 1: a distance is never below 0.
        return Math.max(0, 1 - ((s0 + s1) + (s2 + s3)));
    }

    /** The duration for JSON, which has no NaN: null when not known. */
    public Double knownSeconds() {
        return Double.isFinite(seconds) ? seconds : null;
    }

    /** "Artist - Title", as players list a song; the id stands in for what is missing. */
    public String displayName() {
        String name = title == null || title.isBlank() ? id : title;
        return artist == null || artist.isBlank() ? name : artist + " - " + name;
    }

    /** The artist as the per-artist limits compare it (case-insensitive); null for an unknown artist. */
    public String artistKey() {
        return artist == null || artist.isBlank() ? null : artist.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
