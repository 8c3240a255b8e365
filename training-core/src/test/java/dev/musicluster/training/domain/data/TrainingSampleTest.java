package dev.musicluster.training.domain.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TrainingSampleTest {

    private static final List<String> LIBRARY = IntStream.range(0, 10_000).mapToObj(i -> String.format("song-%05d", i)).toList();

    @Test
    void aLibraryWithinTheLimitTrainsOnEverySong() {
        assertThat(TrainingSample.draw(LIBRARY, 10_000, 1)).isSameAs(LIBRARY);
        assertThatThrownBy(() -> TrainingSample.draw(LIBRARY, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLargerOneTrainsOnASeededSampleInTheLibrarysOrder() {
        List<String> sample = TrainingSample.draw(LIBRARY, 1_000, 42);
        assertThat(sample).hasSize(1_000).doesNotHaveDuplicates().isSorted().isSubsetOf(LIBRARY);
        assertThat(TrainingSample.draw(LIBRARY, 1_000, 42)).isEqualTo(sample);
        assertThat(TrainingSample.draw(LIBRARY, 1_000, 43)).isNotEqualTo(sample);
        assertThat(TrainingSample.draw(sample, 100, 42)).as("the spectrogram models' sample of the training sample").hasSize(100)
                .isSubsetOf(sample).isSorted();
        // uniform: about a tenth of each tenth of the library
        for (int part = 0; part < 10; part++) {
            String from = String.format("song-%05d", part * 1000);
            String to = String.format("song-%05d", part * 1000 + 999);
            long inPart = sample.stream().filter(id -> id.compareTo(from) >= 0 && id.compareTo(to) <= 0).count();
            assertThat(inPart).isBetween(60L, 140L);
        }
    }
}
