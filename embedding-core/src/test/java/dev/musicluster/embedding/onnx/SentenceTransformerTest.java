package dev.musicluster.embedding.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real English MiniLM (all-MiniLM-L6-v2), as shipped in a Maven artifact, through DJL and ONNX Runtime. */
class SentenceTransformerTest {

    static SentenceTransformer miniLm;

    @BeforeAll
    static void load() throws Exception {
        Path dir = Files.createTempDirectory("minilm");
        Path model = extract("all-minilm-l6-v2.onnx", dir);
        Path tokenizer = extract("all-minilm-l6-v2-tokenizer.json", dir);
        miniLm = SentenceTransformer.load("all-minilm-l6-v2", model, tokenizer, 256, true);
    }

    @AfterAll
    static void close() {
        if (miniLm != null) {
            miniLm.close();
        }
    }

    @Test
    void meaningDecidesTheNeighbours() {
        float[] food = miniLm.embed("A man is eating food.").vector().values();
        float[] bread = miniLm.embed("A man is eating a piece of bread.").vector().values();
        float[] horse = miniLm.embed("A man is riding a horse.").vector().values();

        assertThat(food).hasSize(384);
        assertThat(norm(food)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(dot(food, bread)).isGreaterThan(0.6).isGreaterThan(dot(food, horse) + 0.2);
        assertThat(miniLm.embed("A man is eating food.").vector().values()).containsExactly(food);
    }

    @Test
    void longTextIsTruncatedAndSaysSo() {
        SentenceTransformer.Embedded embedded = miniLm.embed("twinkle twinkle little star ".repeat(200));
        assertThat(embedded.truncated()).isTrue();
        assertThat(embedded.tokens()).isEqualTo(256);
    }

    static Path extract(String resource, Path dir) throws Exception {
        Path file = dir.resolve(resource);
        try (InputStream in = SentenceTransformerTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the classpath").isNotNull();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    static double norm(float[] a) {
        return Math.sqrt(dot(a, a));
    }
}
