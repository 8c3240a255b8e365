package dev.musicluster.feature.domain.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicluster.contracts.tensor.NpyArray;
import dev.musicluster.contracts.tensor.NpyFormat;
import java.io.IOException;
import java.io.InputStream;

/** Golden arrays from src/test/resources/golden (made by make_golden.py) and the tolerance they are held to. */
final class Golden {

    /** Relative tolerance of the issue: 1e-4 of each value, and of the array's largest magnitude near zero. */
    static final double RTOL = 1e-4;

    private Golden() {
    }

    static NpyArray load(String name) throws IOException {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden file " + name).isNotNull();
            return NpyFormat.read(in);
        }
    }

    /** |actual − expected| ≤ RTOL · max(|expected|, max|expected| · 1e-2) element by element; returns the worst ratio. */
    static double assertClose(String what, NpyArray actual, NpyArray expected) {
        assertThat(actual.shape()).as(what + " shape").containsExactly(expected.shape());
        float[] a = actual.data();
        float[] e = expected.data();
        double scale = 0;
        for (float value : e) {
            scale = Math.max(scale, Math.abs(value));
        }
        double worst = 0;
        int worstIndex = -1;
        for (int i = 0; i < e.length; i++) {
            double allowed = RTOL * Math.max(Math.abs(e[i]), scale * 1e-2);
            double ratio = Math.abs(a[i] - e[i]) / allowed;
            if (ratio > worst) {
                worst = ratio;
                worstIndex = i;
            }
        }
        assertThat(worst).as("%s: worst element %d is %s, expected %s", what, worstIndex,
                worstIndex < 0 ? "-" : a[worstIndex], worstIndex < 0 ? "-" : e[worstIndex]).isLessThanOrEqualTo(1.0);
        return worst;
    }
}
