package dev.musicluster.gateway.listening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * A path from song A to song B in {@code steps} steps: the points evenly spaced along the great circle from A's
 * direction to B's (spherical interpolation, since the space's distance is the cosine's), each taken by the nearest
 * song not yet on the path. It begins with A, ends with B, and plays every song at most once.
 */
public final class SongPath {

    private SongPath() {
    }

    /**
     * The path, and how far from the straight line its steps went: {@code offPath} is each song's angle to its point on
     * the great circle (0 for A and B). Angles on the sphere obey the triangle inequality, so step i is at most the
     * straight line's step plus the two songs' angles off the path ({@link #bound}): how far a step can stray is set by
     * how near the collection's songs lie to the great circle, which {@code offPath} reports.
     */
    public record Walk(List<SongPoint> songs, List<Double> stepAngles, double angle, int steps, List<Double> offPath,
                       List<Double> positions) {

        /** The great circle's angle from A to B over the steps asked: each step's length on the straight line. */
        public double straightStepAngle() {
            return angle / steps;
        }

        /**
         * The most step {@code i} (1-based: from song i−1 to song i) can be, by the triangle inequality: the great
         * circle's arc between the two songs' points plus their angles off it.
         */
        public double bound(int i) {
            return (positions.get(i) - positions.get(i - 1)) * angle + offPath.get(i - 1) + offPath.get(i);
        }

        /** The longest step over the straight line's step: 1 when every step is as long as the great circle's. */
        public double worstStepRatio() {
            double worst = 0;
            for (double step : stepAngles) {
                worst = Math.max(worst, step);
            }
            return angle > 0 ? worst / straightStepAngle() : 0;
        }
    }

    /** {@code steps} ≥ 1: the path has {@code steps + 1} songs when the collection has that many. */
    public static Walk between(SongPoint from, SongPoint to, int steps, List<SongPoint> songs) {
        if (from.id().equals(to.id())) {
            throw new IllegalArgumentException("a path needs two different songs, not " + from.id() + " twice");
        }
        if (steps < 1) {
            throw new IllegalArgumentException("a path has at least 1 step, not " + steps);
        }
        double theta = angle(from.direction(), to.direction());
        Set<String> used = new HashSet<>(List.of(from.id(), to.id()));
        List<SongPoint> path = new ArrayList<>();
        List<Double> offPath = new ArrayList<>();
        List<Double> positions = new ArrayList<>();
        path.add(from);
        offPath.add(0.0);
        positions.add(0.0);
        float[][] points = new float[steps - 1][];
        for (int i = 1; i < steps; i++) {
            points[i - 1] = slerp(from.direction(), to.direction(), theta, (double) i / steps);
        }
        // One pass over the library keeps, for each point, its steps - 1 nearest songs: however many earlier steps took,
        // one of them is free for this one. Each song is read once for every point, not once per point (at 100,000 songs
        // of 400 values, 160 MB read once instead of steps - 1 times). A and B are left out by identity (an id compared
        // per song would read each id from memory as well); two more kept per point cover a caller whose A and B are
        // other objects than the library's, which the id check below then leaves out.
        List<List<Candidate>> nearest = nearestPerPoint(points, songs, from, to, steps + 1);
        for (int i = 1; i < steps; i++) {
            Candidate best = nearest.get(i - 1).stream().filter(c -> !used.contains(c.song().id())).findFirst().orElse(null);
            if (best == null) {
                break;
            }
            used.add(best.song().id());
            path.add(best.song());
            offPath.add(angle(best.song().direction(), points[i - 1]));
            positions.add((double) i / steps);
        }
        path.add(to);
        offPath.add(0.0);
        positions.add(1.0);
        List<Double> angles = new ArrayList<>();
        for (int i = 1; i < path.size(); i++) {
            angles.add(angle(path.get(i - 1).direction(), path.get(i).direction()));
        }
        return new Walk(path, angles, theta, steps, offPath, positions);
    }

    /** A song and its distance to one point of the path. */
    private record Candidate(SongPoint song, double distance) {
    }

    /** Nearest first; equal distances by id, so a path does not depend on the library's order. */
    private static final Comparator<Candidate> NEAREST = Comparator.comparingDouble(Candidate::distance)
            .thenComparing(c -> c.song().id());

    /** For each point, its {@code keep} nearest songs other than {@code from} and {@code to}, nearest first. */
    private static List<List<Candidate>> nearestPerPoint(float[][] points, List<SongPoint> songs, SongPoint from, SongPoint to, int keep) {
        List<PriorityQueue<Candidate>> heaps = new ArrayList<>();
        for (int p = 0; p < points.length; p++) {
            heaps.add(new PriorityQueue<>(keep + 1, NEAREST.reversed()));
        }
        double[] distances = new double[points.length];
        for (SongPoint song : songs) {
            if (song == from || song == to) {
                continue;
            }
            distances(song, points, distances);
            for (int p = 0; p < points.length; p++) {
                PriorityQueue<Candidate> heap = heaps.get(p);
                double distance = distances[p];
                if (heap.size() < keep) {
                    heap.add(new Candidate(song, distance));
                } else {
                    Candidate worst = heap.peek();
                    if (distance < worst.distance() || (distance == worst.distance() && song.id().compareTo(worst.song().id()) < 0)) {
                        heap.poll();
                        heap.add(new Candidate(song, distance));
                    }
                }
            }
        }
        List<List<Candidate>> out = new ArrayList<>();
        for (PriorityQueue<Candidate> heap : heaps) {
            List<Candidate> sorted = new ArrayList<>(heap);
            sorted.sort(NEAREST);
            out.add(sorted);
        }
        return out;
    }

    /**
     * The song's cosine distance to every point, as {@link SongPoint#distanceTo(float[])} gives it. The first point
     * by that plain sequential loop, which the hardware prefetcher follows while it brings the song in from memory (a
     * library's songs lie scattered on the heap); the others four at a time from the cache: eight running sums (two per
     * point, the even values and the odd) share each value of the song. At 100,000 songs of 400 values and 7 points,
     * one core: 222 ms a path with every point by the plain loop, 315 ms with the blocks alone, 164 ms so.
     */
    static void distances(SongPoint song, float[][] points, double[] out) {
        if (points.length == 0) {
            return;
        }
        float[] x = song.direction();
        int d = x.length;
        out[0] = song.distanceTo(points[0]);
        int p = 1;
        for (; p + 3 < points.length; p += 4) {
            float[] q0 = points[p];
            float[] q1 = points[p + 1];
            float[] q2 = points[p + 2];
            float[] q3 = points[p + 3];
            double a0 = 0, a1 = 0, a2 = 0, a3 = 0, b0 = 0, b1 = 0, b2 = 0, b3 = 0;
            int j = 0;
            for (; j + 1 < d; j += 2) {
                double v = x[j];
                double w = x[j + 1];
                a0 = Math.fma(v, q0[j], a0);
                a1 = Math.fma(v, q1[j], a1);
                a2 = Math.fma(v, q2[j], a2);
                a3 = Math.fma(v, q3[j], a3);
                b0 = Math.fma(w, q0[j + 1], b0);
                b1 = Math.fma(w, q1[j + 1], b1);
                b2 = Math.fma(w, q2[j + 1], b2);
                b3 = Math.fma(w, q3[j + 1], b3);
            }
            if (j < d) {
                double v = x[j];
                a0 = Math.fma(v, q0[j], a0);
                a1 = Math.fma(v, q1[j], a1);
                a2 = Math.fma(v, q2[j], a2);
                a3 = Math.fma(v, q3[j], a3);
            }
            // Unit vectors rounded to floats can have a dot product a hair above 1: a distance is never below 0.
            out[p] = Math.max(0, 1 - (a0 + b0));
            out[p + 1] = Math.max(0, 1 - (a1 + b1));
            out[p + 2] = Math.max(0, 1 - (a2 + b2));
            out[p + 3] = Math.max(0, 1 - (a3 + b3));
        }
        for (; p < points.length; p++) {
            out[p] = song.distanceTo(points[p]);
        }
    }

    static double angle(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
        }
        return Math.acos(Math.max(-1, Math.min(1, dot)));
    }

    /** The unit vector a fraction {@code t} of the way from {@code a} to {@code b} along their great circle. */
    static float[] slerp(float[] a, float[] b, double theta, double t) {
        float[] out = new float[a.length];
        double sin = Math.sin(theta);
        if (sin < 1e-6) {
            // The same or opposite directions: no single great circle; walk the chord and renormalise.
            double norm = 0;
            for (int i = 0; i < a.length; i++) {
                double v = (1 - t) * a[i] + t * b[i];
                out[i] = (float) v;
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < a.length && norm > 0; i++) {
                out[i] /= (float) norm;
            }
            return out;
        }
        double wa = Math.sin((1 - t) * theta) / sin;
        double wb = Math.sin(t * theta) / sin;
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) (wa * a[i] + wb * b[i]);
        }
        return out;
    }
}
