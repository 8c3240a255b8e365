package dev.musicluster.gateway.listening;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
        for (int i = 1; i < steps; i++) {
            float[] point = slerp(from.direction(), to.direction(), theta, (double) i / steps);
            SongPoint best = null;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (SongPoint song : songs) {
                if (used.contains(song.id())) {
                    continue;
                }
                double distance = song.distanceTo(point);
                if (distance < bestDistance || (distance == bestDistance && song.id().compareTo(best.id()) < 0)) {
                    best = song;
                    bestDistance = distance;
                }
            }
            if (best == null) {
                break;
            }
            used.add(best.id());
            path.add(best);
            offPath.add(angle(best.direction(), point));
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
