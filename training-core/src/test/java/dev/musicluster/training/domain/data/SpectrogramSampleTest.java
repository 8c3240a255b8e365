package dev.musicluster.training.domain.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SpectrogramSampleTest {

    private static final List<String> LIBRARY = IntStream.range(0, 10_000).mapToObj(i -> String.format("song-%05d", i)).toList();

    @Test
    void aLibraryWithinTheLimitTrainsOnEverySong() {
        assertThat(SpectrogramSample.draw(LIBRARY, 10_000, 1)).isSameAs(LIBRARY);
        assertThatThrownBy(() -> SpectrogramSample.draw(LIBRARY, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLargerOneTrainsOnASeededSampleInTheLibrarysOrder() {
        List<String> sample = SpectrogramSample.draw(LIBRARY, 1_000, 42);
        assertThat(sample).hasSize(1_000).doesNotHaveDuplicates().isSorted().isSubsetOf(LIBRARY);
        assertThat(SpectrogramSample.draw(LIBRARY, 1_000, 42)).isEqualTo(sample);
        assertThat(SpectrogramSample.draw(LIBRARY, 1_000, 43)).isNotEqualTo(sample);
        // uniform: about a tenth of each tenth of the library
        for (int part = 0; part < 10; part++) {
            String from = String.format("song-%05d", part * 1000);
            String to = String.format("song-%05d", part * 1000 + 999);
            long inPart = sample.stream().filter(id -> id.compareTo(from) >= 0 && id.compareTo(to) <= 0).count();
            assertThat(inPart).isBetween(60L, 140L);
        }
    }
}
