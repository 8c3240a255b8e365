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
 * One seed, one model: training must depend on nothing but its inputs. Each model kind is trained with one seed in a
 * child JVM per {@code MALLOC_PERTURB_} value ({@link EveryModelTraining}: the spectrogram models at the main job's
 * shapes, every kind small), with the garbage collector forced to run every few milliseconds, and every loss and
 * latent must be bit-identical and finite. glibc fills fresh allocations with {@code MALLOC_PERTURB_ ^ 0xFF} (0xFE,
 * −1.7e38 as a float, under 1; zeros under 255) and freed ones with the value itself (NaN under 255): a read of memory
 * that nobody wrote, or that was freed, gives different models in the two JVMs, or NaN.
 *
 * <p>The suite trains the spectrogram models at the product's shapes for {@link #SUITE_EPOCHS} epochs; with
 * {@code -Dmusicluster.determinism=full} every epoch of the defaults (40), the check the README names.
 */
class TrainingDeterminismTest {

    private static final List<String> PERTURB = List.of("1", "255");
    static final int SUITE_EPOCHS = 3;
    private static final int DEFAULT_EPOCHS = 40;

    @Test
    void everyModelTrainsToTheSameFiniteLatentsWhateverFreshMemoryHoldsAndWheneverGarbageIsCollected(@TempDir Path dir)
            throws Exception {
        int productEpochs = "full".equals(System.getProperty("musicluster.determinism")) ? DEFAULT_EPOCHS : SUITE_EPOCHS;
        Map<String, Map<String, String>> runs = new LinkedHashMap<>();
        for (String perturb : PERTURB) {
            runs.put(perturb, trainInChildJvm(perturb, productEpochs, dir.resolve("models-" + perturb + ".txt")));
        }
        Map<String, String> reference = runs.get(PERTURB.get(0));
        assertThat(reference.keySet()).containsExactlyElementsOf(EveryModelTraining.variants(productEpochs).keySet());
        for (Map.Entry<String, Map<String, String>> run : runs.entrySet()) {
            for (Map.Entry<String, String> model : run.getValue().entrySet()) {
                assertThat(model.getValue()).as("%s under MALLOC_PERTURB_=%s", model.getKey(), run.getKey())
                        .doesNotStartWith("FAILED").endsWith(" non-finite=0");
                assertThat(model.getValue()).as("%s: MALLOC_PERTURB_=%s against %s (first differing epoch %s)", model.getKey(),
                                run.getKey(), PERTURB.get(0), firstDifferingEpoch(reference.get(model.getKey()), model.getValue()))
                        .isEqualTo(reference.get(model.getKey()));
            }
        }
        System.out.printf("determinism: %d models (spectrogram models at %d songs x %d x %d frames, %d epochs) bit-identical "
                        + "under MALLOC_PERTURB_=%s with forced collections%n", reference.size(), EveryModelTraining.PRODUCT_SONGS,
                128, EveryModelTraining.PRODUCT_FRAMES, productEpochs, String.join(" and ", PERTURB));
    }

    /** The first epoch whose loss differs, or "none" when only the latents do. */
    private static String firstDifferingEpoch(String expected, String actual) {
        String[] a = expected.split(" ");
        String[] b = actual.split(" ");
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (a[i].startsWith("loss=") && !a[i].equals(b[i])) {
                return Integer.toString(i + 1);
            }
        }
        return "none";
    }

    private static Map<String, String> trainInChildJvm(String perturb, int productEpochs, Path out)
            throws IOException, InterruptedException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path log = out.resolveSibling(out.getFileName() + ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-Xmx1g", "-cp", classPath, EveryModelTraining.class.getName(), out.toString(),
                Integer.toString(productEpochs))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("MALLOC_PERTURB_", perturb);
        long start = System.nanoTime();
        Process child = builder.start();
        boolean finished = child.waitFor(productEpochs > SUITE_EPOCHS ? 30 : 5, TimeUnit.MINUTES);
        if (!finished) {
            child.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.printf("MALLOC_PERTURB_=%s: %.1f s%n%s", perturb, (System.nanoTime() - start) / 1e9, output);
        assertThat(finished).as("the child JVM under MALLOC_PERTURB_=%s finished; its output:%n%s", perturb, output).isTrue();
        assertThat(child.exitValue()).as("exit status under MALLOC_PERTURB_=%s; its output:%n%s", perturb, output).isZero();
        Map<String, String> models = new LinkedHashMap<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            int space = line.indexOf(' ');
            models.put(line.substring(0, space), line.substring(space + 1));
        }
        return models;
    }
}
