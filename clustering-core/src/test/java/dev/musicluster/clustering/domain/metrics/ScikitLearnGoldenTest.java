package dev.musicluster.clustering.domain.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every metric against scikit-learn 1.2.1's own value on the same inputs, within 1e-9
 * (src/test/resources/golden/make_metrics_golden.py wrote metrics_golden.json).
 */
class ScikitLearnGoldenTest {

    private static final double TOLERANCE = 1e-9;

    static JsonNode golden() throws Exception {
        try (InputStream in = ScikitLearnGoldenTest.class.getResourceAsStream("/golden/metrics_golden.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    static Stream<Arguments> externalCases() throws Exception {
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode node : golden().get("external")) {
            cases.add(Arguments.of(node.get("name").asText(), node));
        }
        return cases.stream();
    }

    static Stream<Arguments> internalCases() throws Exception {
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode node : golden().get("internal")) {
            cases.add(Arguments.of(node.get("name").asText(), node));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("externalCases")
    void externalMetricsEqualScikitLearns(String name, JsonNode node) {
        List<Integer> classes = ints(node.get("classes"));
        List<Integer> clusters = ints(node.get("clusters"));
        ContingencyTable table = ContingencyTable.of(classes, clusters);
        JsonNode expected = node.get("values");

        check(name, "ari", ExternalMetrics.adjustedRandIndex(table), expected);
        check(name, "nmi", ExternalMetrics.normalizedMutualInformation(table), expected);
        check(name, "ami", ExternalMetrics.adjustedMutualInformation(table), expected);
        check(name, "homogeneity", ExternalMetrics.homogeneity(table), expected);
        check(name, "completeness", ExternalMetrics.completeness(table), expected);
        check(name, "v_measure", ExternalMetrics.vMeasure(table), expected);
        check(name, "purity", ExternalMetrics.purity(table), expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("internalCases")
    void internalMetricsEqualScikitLearns(String name, JsonNode node) {
        double[][] points = matrix(node.get("points"));
        int[] clusters = ints(node.get("clusters")).stream().mapToInt(Integer::intValue).toArray();
        JsonNode expected = node.get("values");

        check(name, "silhouette", InternalMetrics.silhouette(points, clusters), expected);
        check(name, "calinski_harabasz", InternalMetrics.calinskiHarabasz(points, clusters), expected);
        check(name, "davies_bouldin", InternalMetrics.daviesBouldin(points, clusters), expected);
    }

    private static void check(String name, String metric, double actual, JsonNode expected) {
        assertThat(actual).as("%s %s", name, metric).isCloseTo(expected.get(metric).asDouble(),
                org.assertj.core.data.Offset.offset(TOLERANCE));
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asInt()));
        return values;
    }

    private static double[][] matrix(JsonNode rows) {
        double[][] matrix = new double[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            matrix[i] = new double[row.size()];
            for (int j = 0; j < row.size(); j++) {
                matrix[i][j] = row.get(j).asDouble();
            }
        }
        return matrix;
    }
}
