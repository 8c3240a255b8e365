package dev.musicluster.contracts.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class StandardisationTest {

    private static final double[][] ROWS = {{1, 10, 5}, {2, 20, 5}, {3, 60, 5}, {6, 30, 5}};

    @Test
    void columnsGetZeroMeanAndUnitPopulationVarianceAndAConstantColumnBecomesZero() {
        double[][] z = Standardisation.apply(ROWS);
        for (int j = 0; j < 2; j++) {
            double mean = 0;
            double squares = 0;
            for (double[] row : z) {
                mean += row[j] / z.length;
                squares += row[j] * row[j] / z.length;
            }
            assertThat(mean).isCloseTo(0, within(1e-12));
            assertThat(squares).isCloseTo(1, within(1e-12));
        }
        // column 0: mean 3, population variance (4 + 1 + 0 + 9) / 4 = 3.5
        assertThat(z[3][0]).isCloseTo(3 / Math.sqrt(3.5), within(1e-12));
        assertThat(java.util.Arrays.stream(z).mapToDouble(row -> row[2])).containsOnly(0.0);
    }

    @Test
    void floatRowsGiveWhatDoubleRowsGive() {
        List<float[]> floats = java.util.Arrays.stream(ROWS).map(row -> new float[] {(float) row[0], (float) row[1], (float) row[2]}).toList();
        Standardisation fitted = Standardisation.fitFloats(floats);
        double[][] expected = Standardisation.apply(ROWS);
        for (int i = 0; i < ROWS.length; i++) {
            float[] z = fitted.apply(floats.get(i));
            for (int j = 0; j < z.length; j++) {
                assertThat((double) z[j]).isCloseTo(expected[i][j], within(1e-6));
            }
        }
    }
}
