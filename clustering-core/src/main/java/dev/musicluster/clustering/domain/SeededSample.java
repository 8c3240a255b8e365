package dev.musicluster.clustering.domain;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

/** A seeded random sample of indices without replacement: the same n, size and seed draw the same indices. */
public final class SeededSample {

    private SeededSample() {
    }

    /** {@code size} of the indices 0..n-1 in the order drawn (a partial Fisher–Yates shuffle); all of them when size ≥ n. */
    public static int[] draw(int n, int size, long seed) {
        int[] order = IntStream.range(0, n).toArray();
        if (size >= n) {
            return order;
        }
        Random random = new Random(seed);
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(n - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return Arrays.copyOf(order, size);
    }
}
