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

    /** 1 − the dot product with {@code unit}: the cosine distance when both are unit vectors. */
    public double distanceTo(float[] unit) {
        return DirectionMatrix.distance(direction, 0, unit, direction.length);
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
