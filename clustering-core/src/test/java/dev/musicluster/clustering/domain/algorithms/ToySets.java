package dev.musicluster.clustering.domain.algorithms;

import java.util.Random;

/** The standard toy sets, seeded: separated Gaussian blobs and two interleaved half-moons (scikit-learn's shapes). */
final class ToySets {

    record Labelled(double[][] points, int[] truth) {
    }

    private ToySets() {
    }

    static Labelled blobs(int perBlob, long seed) {
        double[][] centres = {{0, 0}, {8, 8}, {-8, 8}};
        Random random = new Random(seed);
        double[][] points = new double[3 * perBlob][];
        int[] truth = new int[3 * perBlob];
        for (int i = 0; i < points.length; i++) {
            int blob = i % 3;
            points[i] = new double[] {centres[blob][0] + random.nextGaussian(), centres[blob][1] + random.nextGaussian()};
            truth[i] = blob;
        }
        return new Labelled(points, truth);
    }

    static Labelled moons(int perMoon, double noise, long seed) {
        Random random = new Random(seed);
        double[][] points = new double[2 * perMoon][];
        int[] truth = new int[2 * perMoon];
        for (int i = 0; i < perMoon; i++) {
            double t = Math.PI * i / (perMoon - 1);
            points[i] = new double[] {Math.cos(t) + noise * random.nextGaussian(), Math.sin(t) + noise * random.nextGaussian()};
            points[perMoon + i] = new double[] {1 - Math.cos(t) + noise * random.nextGaussian(),
                    1 - Math.sin(t) - 0.5 + noise * random.nextGaussian()};
            truth[perMoon + i] = 1;
        }
        return new Labelled(points, truth);
    }
}
