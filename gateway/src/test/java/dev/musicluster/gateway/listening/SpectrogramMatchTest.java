package dev.musicluster.gateway.listening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpectrogramMatchTest {

    private static final int MELS = 16;
    private static final int FRAMES = 600;

    @Test
    void theSameRecordingCorrelatesThroughNoiseAndAShiftedWindowAnotherDoesNot() {
        SplittableRandom random = new SplittableRandom(3);
        float[] song = new float[MELS * FRAMES];
        float[] other = new float[MELS * FRAMES];
        float[] noisy = new float[MELS * FRAMES];
        // Smooth in time like real spectrograms: a random walk per band.
        for (int m = 0; m < MELS; m++) {
            double a = 0;
            double b = 0;
            for (int t = 0; t < FRAMES; t++) {
                a += random.nextGaussian();
                b += random.nextGaussian();
                song[m * FRAMES + t] = (float) a;
                other[m * FRAMES + t] = (float) b;
                noisy[m * FRAMES + t] = (float) (a + 0.5 * random.nextGaussian());
            }
        }
        assertThat(SpectrogramMatch.correlation(song, FRAMES, noisy, FRAMES, MELS, 0, 5)).isGreaterThan(0.95);
        assertThat(SpectrogramMatch.correlation(song, FRAMES, other, FRAMES, MELS, 0, 5)).isLessThan(SpectrogramMatch.MIN_CORRELATION);

        // b's window starts 40 frames later in the music than a's: found at the lag the windows imply.
        int shift = 40;
        float[] later = new float[MELS * (FRAMES - shift)];
        for (int m = 0; m < MELS; m++) {
            System.arraycopy(song, m * FRAMES + shift, later, m * (FRAMES - shift), FRAMES - shift);
        }
        assertThat(SpectrogramMatch.correlation(song, FRAMES, later, FRAMES - shift, MELS, shift, 5)).isGreaterThan(0.99);
        assertThat(SpectrogramMatch.correlation(song, FRAMES, later, FRAMES - shift, MELS, 0, 5)).as("at the wrong lag")
                .isLessThan(SpectrogramMatch.correlation(song, FRAMES, later, FRAMES - shift, MELS, shift, 5));
        assertThatThrownBy(() -> SpectrogramMatch.correlation(song, FRAMES + 1, song, FRAMES, MELS, 0, 0)).hasMessageContaining("values");
    }
}
