package dev.musicluster.training.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training must not depend on what memory held before it was written. glibc fills every fresh allocation with the
 * byte {@code MALLOC_PERTURB_ ^ 0xFF}: 0xFE (-1.7e38 as a float) under 1, zeros under 255. Any read of memory that
 * no one wrote — in our code, DJL or a native kernel — then gives different latents in the two JVMs, or NaN. Each
 * model kind is trained with one seed in a child JVM per value, and every latent must be bit-identical and finite.
 */
class TrainingDeterminismTest {

    private static final List<String> PERTURB = List.of("1", "255");

    @Test
    void everyModelTrainsToTheSameFiniteLatentsWhateverFreshMemoryHolds(@TempDir Path dir) throws Exception {
        Map<String, Map<String, String>> runs = new LinkedHashMap<>();
        for (String perturb : PERTURB) {
            runs.put(perturb, trainInChildJvm(perturb, dir.resolve("models-" + perturb + ".txt")));
        }
        Map<String, String> reference = runs.get(PERTURB.get(0));
        assertThat(reference.keySet()).containsExactlyElementsOf(EveryModelTraining.VARIANTS.keySet());
        for (Map.Entry<String, Map<String, String>> run : runs.entrySet()) {
            for (Map.Entry<String, String> model : run.getValue().entrySet()) {
                assertThat(model.getValue()).as("%s under MALLOC_PERTURB_=%s", model.getKey(), run.getKey())
                        .doesNotStartWith("FAILED").doesNotContain("NON-FINITE");
                assertThat(model.getValue()).as("%s: MALLOC_PERTURB_=%s against %s", model.getKey(), run.getKey(), PERTURB.get(0))
                        .isEqualTo(reference.get(model.getKey()));
            }
        }
    }

    private static Map<String, String> trainInChildJvm(String perturb, Path out) throws IOException, InterruptedException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-Xmx1g", "-cp", classPath, EveryModelTraining.class.getName(), out.toString())
                .redirectErrorStream(true).redirectOutput(out.resolveSibling(out.getFileName() + ".log").toFile());
        builder.environment().put("MALLOC_PERTURB_", perturb);
        Process child = builder.start();
        boolean finished = child.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            child.destroyForcibly();
        }
        String log = Files.readString(out.resolveSibling(out.getFileName() + ".log"), StandardCharsets.UTF_8);
        assertThat(finished).as("the child JVM under MALLOC_PERTURB_=%s finished; its output:%n%s", perturb, log).isTrue();
        assertThat(child.exitValue()).as("exit status under MALLOC_PERTURB_=%s; its output:%n%s", perturb, log).isZero();
        Map<String, String> models = new LinkedHashMap<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            int space = line.indexOf(' ');
            models.put(line.substring(0, space), line.substring(space + 1));
        }
        return models;
    }
}
