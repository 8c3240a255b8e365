package dev.musicluster.gateway.listening;

import java.util.Arrays;

/**
 * A song placed in a space for listening: who and how long it is, and its direction in the space (unit length, so
 * that every distance here is the cosine distance the paths are drawn with). Its direction is its own array,
 * or a row of a {@link DirectionMatrix}: a library's space holds each direction once, in the matrix its scans read.
 */
public final class SongPoint {

    private final String id;
    private final String title;
    private final String artist;
    private final double seconds;
    private final String source;
    private final float[] values;
    private final int offset;
    private final int dimensions;

    /**
     * @param seconds   its duration, or NaN when not known yet
     * @param source    where the song came from (a manifest's relative path), or null: a local library's playlists use it
     * @param direction a unit vector, kept (not copied)
     */
    public SongPoint(String id, String title, String artist, double seconds, String source, float[] direction) {
        this(id, title, artist, seconds, source, direction, 0, direction.length);
    }

    private SongPoint(String id, String title, String artist, double seconds, String source, float[] values, int offset, int dimensions) {
        this.id = id;
        this.title = title;
        this.artist = artist;
        this.seconds = seconds;
        this.source = source;
        this.values = values;
        this.offset = offset;
        this.dimensions = dimensions;
    }

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

    /** This song with its direction copied into {@code matrix} at {@code at}, and read from there. */
    SongPoint movedTo(float[] matrix, int at) {
        System.arraycopy(values, offset, matrix, at, dimensions);
        return new SongPoint(id, title, artist, seconds, source, matrix, at, dimensions);
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String artist() {
        return artist;
    }

    public double seconds() {
        return seconds;
    }

    public String source() {
        return source;
    }

    /** Its unit direction (a copy, where it is a row of a matrix). */
    public float[] direction() {
        return offset == 0 && values.length == dimensions ? values : Arrays.copyOfRange(values, offset, offset + dimensions);
    }

    public int dimensions() {
        return dimensions;
    }

    /** 1 − cosine similarity: 0 for the same direction, 2 for opposite ones. */
    public double distanceTo(SongPoint other) {
        if (other.dimensions != dimensions) {
            throw new IllegalArgumentException("song " + other.id + " has " + other.dimensions + " values, song " + id + " " + dimensions);
        }
        return DirectionMatrix.distance(values, offset, other.values, other.offset, dimensions);
    }

    /** 1 − the dot product with {@code unit}: the cosine distance when both are unit vectors. */
    public double distanceTo(float[] unit) {
        if (unit.length != dimensions) {
            throw new IllegalArgumentException("a direction of " + unit.length + " values for song " + id + " of " + dimensions);
        }
        return DirectionMatrix.distance(values, offset, unit, 0, dimensions);
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

    @Override
    public String toString() {
        return "SongPoint[" + id + ", " + displayName() + ", " + dimensions + " values]";
    }
}
