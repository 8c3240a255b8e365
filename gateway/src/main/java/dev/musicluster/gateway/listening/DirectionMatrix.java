package dev.musicluster.gateway.listening;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The directions of a list of songs, row after row in one array: the scans over a library (a radio, a path) read
 * memory in order, as fast as it streams. Each song's own array lay wherever the collector last put it: the serial
 * collector copies a space's songs in the order it reaches them, through the space's map in hash order, so a scan of
 * those arrays missed the cache on every song (a radio at 100,000 songs of 400 values took 113 ms as deployed; over
 * one array, 30 ms). The matrix's songs read their directions from it: each direction is held once.
 */
public final class DirectionMatrix {

    private final List<SongPoint> songs;
    private final float[] values;
    private final int dimensions;

    private DirectionMatrix(List<SongPoint> songs, float[] values, int dimensions) {
        this.songs = songs;
        this.values = values;
        this.dimensions = dimensions;
    }

    /**
     * The songs' directions copied in their order; every song's of one length. Its {@link #songs()} are the same songs
     * as new points that read their directions from the matrix (the given ones, and their arrays, can then go).
     */
    public static DirectionMatrix of(List<SongPoint> songs) {
        int dimensions = songs.isEmpty() ? 0 : songs.get(0).dimensions();
        float[] values = new float[Math.multiplyExact(songs.size(), dimensions)];
        List<SongPoint> rows = new ArrayList<>(songs.size());
        for (int i = 0; i < songs.size(); i++) {
            SongPoint song = songs.get(i);
            if (song.dimensions() != dimensions) {
                throw new IllegalArgumentException("song " + song.id() + " has " + song.dimensions()
                        + " values where the others have " + dimensions);
            }
            rows.add(song.movedTo(values, i * dimensions));
        }
        return new DirectionMatrix(Collections.unmodifiableList(rows), values, dimensions);
    }

    public List<SongPoint> songs() {
        return songs;
    }

    public int size() {
        return songs.size();
    }

    /** Each song's cosine distance to {@code unit} into {@code out}, to the bit as {@link SongPoint#distanceTo} gives it. */
    public void distancesTo(float[] unit, double[] out) {
        requireLength(unit);
        for (int i = 0; i < songs.size(); i++) {
            out[i] = distance(values, i * dimensions, unit, 0, dimensions);
        }
    }

    /**
     * Each song's dot product with {@code a} into {@code outA} and with {@code b} into {@code outB}, both from one read
     * of the song: any direction in the plane of the two is then two multiplications away.
     */
    public void dotsWith(float[] a, float[] b, double[] outA, double[] outB) {
        requireLength(a);
        requireLength(b);
        for (int i = 0, row = 0; i < songs.size(); i++, row += dimensions) {
            double a0 = 0, a1 = 0, a2 = 0, a3 = 0, b0 = 0, b1 = 0, b2 = 0, b3 = 0;
            int j = 0;
            for (; j + 3 < dimensions; j += 4) {
                double x0 = values[row + j];
                double x1 = values[row + j + 1];
                double x2 = values[row + j + 2];
                double x3 = values[row + j + 3];
                a0 += x0 * a[j];
                a1 += x1 * a[j + 1];
                a2 += x2 * a[j + 2];
                a3 += x3 * a[j + 3];
                b0 += x0 * b[j];
                b1 += x1 * b[j + 1];
                b2 += x2 * b[j + 2];
                b3 += x3 * b[j + 3];
            }
            for (; j < dimensions; j++) {
                a0 += (double) values[row + j] * a[j];
                b0 += (double) values[row + j] * b[j];
            }
            outA[i] = (a0 + a1) + (a2 + a3);
            outB[i] = (b0 + b1) + (b2 + b3);
        }
    }

    /**
     * 1 − the dot product of {@code length} values of {@code x} from {@code xFrom} and of {@code y} from {@code yFrom},
     * never below 0. Four running sums: with one, every addition waits for the one before it (a 400-value scan 3–4
     * times as long).
     */
    static double distance(float[] x, int xFrom, float[] y, int yFrom, int length) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < length; i += 4) {
            s0 += (double) x[xFrom + i] * y[yFrom + i];
            s1 += (double) x[xFrom + i + 1] * y[yFrom + i + 1];
            s2 += (double) x[xFrom + i + 2] * y[yFrom + i + 2];
            s3 += (double) x[xFrom + i + 3] * y[yFrom + i + 3];
        }
        for (; i < length; i++) {
            s0 += (double) x[xFrom + i] * y[yFrom + i];
        }
        // Unit vectors rounded to floats can have a dot product a hair above 1: a distance is never below 0.
        return Math.max(0, 1 - ((s0 + s1) + (s2 + s3)));
    }

    private void requireLength(float[] vector) {
        if (vector.length != dimensions && !songs.isEmpty()) {
            throw new IllegalArgumentException("a direction of " + vector.length + " values in a space of " + dimensions);
        }
    }
}
