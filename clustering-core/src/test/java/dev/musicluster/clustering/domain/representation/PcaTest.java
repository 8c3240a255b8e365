package dev.musicluster.clustering.domain.representation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** Against scikit-learn 1.2.1's PCA (src/test/resources/golden/make_pca_golden.py). */
class PcaTest {

    @Test
    void explainedVarianceAndProjectionsEqualScikitLearns() throws Exception {
        JsonNode golden;
        try (InputStream in = PcaTest.class.getResourceAsStream("/golden/pca_golden.json")) {
            golden = new ObjectMapper().readTree(in);
        }
        double[][] points = matrix(golden.get("points"));
        Pca pca = Pca.fit(points, 3);

        double[] ratio = pca.explainedVarianceRatio();
        for (int c = 0; c < 3; c++) {
            assertThat(ratio[c]).isCloseTo(golden.get("explained_variance_ratio").get(c).asDouble(), offset(1e-9));
        }
        double[][] expected = matrix(golden.get("transformed"));
        double[][] actual = pca.transform(points);
        for (int i = 0; i < points.length; i++) {
            for (int c = 0; c < 3; c++) {
                assertThat(actual[i][c]).as("point %d component %d", i, c).isCloseTo(expected[i][c], offset(1e-8));
            }
        }
    }

    private static double[][] matrix(JsonNode rows) {
        double[][] m = new double[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            m[i] = new double[rows.get(i).size()];
            for (int j = 0; j < m[i].length; j++) {
                m[i][j] = rows.get(i).get(j).asDouble();
            }
        }
        return m;
    }
}
