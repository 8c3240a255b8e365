package dev.musicluster.feature.domain.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExtremesTest {

    @Test
    void agreesWithSortingOnRandomRanges() {
        Random random = new Random(3);
        for (int trial = 0; trial < 200; trial++) {
            double[] values = random.doubles(50 + random.nextInt(500)).toArray();
            int from = random.nextInt(20);
            int to = from + 1 + random.nextInt(values.length - from - 1);
            int k = 1 + random.nextInt(15);
            double[] sorted = Arrays.copyOfRange(values, from, to);
            Arrays.sort(sorted);
            int take = Math.min(k, sorted.length);
            double smallest = Arrays.stream(sorted, 0, take).average().orElseThrow();
            double largest = Arrays.stream(sorted, sorted.length - take, sorted.length).average().orElseThrow();

            assertThat(Extremes.meanOfSmallest(values, from, to, k)).isCloseTo(smallest, offset(1e-12));
            assertThat(Extremes.meanOfLargest(values, from, to, k)).isCloseTo(largest, offset(1e-12));
        }
    }
}
