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
    public static Walk between(SongPoint from, SongPoint to, int steps, DirectionMatrix songs) {
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
        double[][] weights = new double[steps - 1][];
        for (int i = 1; i < steps; i++) {
            weights[i - 1] = weights(from.direction(), to.direction(), theta, (double) i / steps);
            points[i - 1] = combine(from.direction(), to.direction(), weights[i - 1]);
        }
        // One pass over the library keeps, for each point, its steps - 1 nearest songs: however many earlier steps took,
        // one of them is free for this one. Every point is a mix of A and B, so a song's dot products with A and B,
        // read once, give its distance to every point with two multiplications each (seven points of 400 values: 800
        // multiplications a song instead of 2,800). A and B are left out by identity (an id compared per song would read
        // each song from memory as well); two more kept per point cover a caller whose A and B are other objects than
        // the library's, which the id check below then leaves out.
        List<List<Candidate>> nearest = nearestPerPoint(from, to, weights, songs, steps + 1);
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

    /**
     * For each point (its {@code weights} on A's and B's directions), its {@code keep} nearest songs other than
     * {@code from} and {@code to}, nearest first.
     */
    private static List<List<Candidate>> nearestPerPoint(SongPoint from, SongPoint to, double[][] weights, DirectionMatrix songs, int keep) {
        List<PriorityQueue<Candidate>> heaps = new ArrayList<>();
        for (int p = 0; p < weights.length; p++) {
            heaps.add(new PriorityQueue<>(keep + 1, NEAREST.reversed()));
        }
        double[] toA = new double[songs.size()];
        double[] toB = new double[songs.size()];
        songs.dotsWith(from.direction(), to.direction(), toA, toB);
        List<SongPoint> library = songs.songs();
        for (int i = 0; i < toA.length; i++) {
            SongPoint song = library.get(i);
            if (song == from || song == to) {
                continue;
            }
            for (int p = 0; p < weights.length; p++) {
                PriorityQueue<Candidate> heap = heaps.get(p);
                // Unit vectors rounded to floats can have a dot product a hair above 1: a distance is never below 0.
                double distance = Math.max(0, 1 - (weights[p][0] * toA[i] + weights[p][1] * toB[i]));
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

    static double angle(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
        }
        return Math.acos(Math.max(-1, Math.min(1, dot)));
    }

    /** The unit vector a fraction {@code t} of the way from {@code a} to {@code b} along their great circle. */
    static float[] slerp(float[] a, float[] b, double theta, double t) {
        return combine(a, b, weights(a, b, theta, t));
    }

    /**
     * The weights on {@code a} and {@code b} of the unit vector a fraction {@code t} of the way from one to the other
     * along their great circle. The same or opposite directions have no single great circle: the chord is walked and
     * renormalised (opposite ones meet at 0 halfway: no direction, every song at distance 1).
     */
    static double[] weights(float[] a, float[] b, double theta, double t) {
        double sin = Math.sin(theta);
        if (sin >= 1e-6) {
            return new double[] {Math.sin((1 - t) * theta) / sin, Math.sin(t * theta) / sin};
        }
        double norm = 0;
        for (int i = 0; i < a.length; i++) {
            double v = (1 - t) * a[i] + t * b[i];
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        return norm > 0 ? new double[] {(1 - t) / norm, t / norm} : new double[] {0, 0};
    }

    private static float[] combine(float[] a, float[] b, double[] weights) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) (weights[0] * a[i] + weights[1] * b[i]);
        }
        return out;
    }
}
