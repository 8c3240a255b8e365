package dev.musicluster.embedding.domain.vector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicluster.contracts.vector.Cosine;
import dev.musicluster.embedding.domain.language.LanguageGuess;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NgramEmbedderTest {

    private static final List<String> LANGUAGES = List.of("en", "es", "ko");

    @Test
    void sameTextSameVectorAndTheLanguageBlockCarriesTheShares() {
        NgramEmbedder embedder = NgramEmbedder.standard(LANGUAGES);
        LanguageGuess mixed = new LanguageGuess("ko", 0.7, Map.of("ko", 0.7, "en", 0.3));

        float[] a = embedder.embed("사랑해 baby", mixed).values();
        float[] b = embedder.embed("사랑해 baby", mixed).values();

        assertThat(a).hasSize(256 + 3).containsExactly(b);
        assertThat(a[256]).isCloseTo(0.9f, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(a[257]).isZero();
        assertThat(a[258]).isCloseTo(3.0f * 0.7f, org.assertj.core.data.Offset.offset(1e-6f));
        double content = 0;
        for (int j = 0; j < 256; j++) {
            content += a[j] * a[j];
        }
        assertThat(content).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void similarLyricsAreCloserThanUnrelatedOnes() {
        NgramEmbedder embedder = NgramEmbedder.withLanguageWeight(LANGUAGES, 0.0);
        String a = "shall i compare thee to a summer's day";
        String b = "shall i compare thee to a winter's night";
        String c = "volverán las oscuras golondrinas en tu balcón";
        LanguageGuess none = LanguageGuess.UNKNOWN;
        float[] va = embedder.embed(a, none).values();
        assertThat(Cosine.of(va, embedder.embed(b, none).values())).isGreaterThan(Cosine.of(va, embedder.embed(c, none).values()) + 0.3);
    }

    @Test
    void projectionPreservesCosineRoughly() {
        SignProjection projection = new SignProjection(256, 1);
        Map<Integer, Double> x = Map.of(1, 1.0, 2, 1.0, 3, 1.0);
        Map<Integer, Double> y = Map.of(1, 1.0, 2, 1.0, 4, 1.0);
        // True cosine 2/3; a 256-dimensional sign projection keeps it within a few tenths.
        assertThat(Cosine.of(projection.project(x), projection.project(y))).isBetween(0.45, 0.85);
        assertThat(projection.project(x)).containsExactly(new SignProjection(256, 1).project(x));
    }
}
