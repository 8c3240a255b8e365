package dev.musicluster.training.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.musicluster.training.domain.data.LogMelPooling;
import dev.musicluster.training.domain.data.TimePooling;
import dev.musicluster.training.domain.model.HyperParameters;
import dev.musicluster.training.domain.model.ModelKind;
import dev.musicluster.training.domain.model.ModelSpec;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The window stretched to a fixed image, or a fixed rate per minute: what a 30-s, 60-s and 120-s song become. */
class LogMelPoolingTest {

    private static final int ROWS = 2;
    /** The features' native rate, 22,050 Hz / hop 512 ≈ 43 frames per second, rounded for whole numbers. */
    private static final int NATIVE_PER_SECOND = 40;

    /** A spectrogram whose value in every frame is its time in seconds (row 0) and its negative (row 1). */
    private static float[] ramp(int seconds) {
        int frames = seconds * NATIVE_PER_SECOND;
        float[] values = new float[ROWS * frames];
        for (int t = 0; t < frames; t++) {
            values[t] = (float) t / NATIVE_PER_SECOND;
            values[frames + t] = -(float) t / NATIVE_PER_SECOND;
        }
        return values;
    }

    @Test
    void aMinuteFillsTheFramesPerMinuteExactlyAsTheWindowPoolingDoes() {
        float[] minute = ramp(60);
        float[] perMinute = LogMelPooling.perMinute(16).apply(minute, ROWS, 60 * NATIVE_PER_SECOND, 60.0);
        assertThat(perMinute).containsExactly(TimePooling.pool(minute, ROWS, 60 * NATIVE_PER_SECOND, 16));
    }

    @Test
    void aPreviewIsReadAtTheSameRateAndRepeatedWhereTheWindowWouldStretchIt() {
        float[] preview = ramp(30);
        int nativeFrames = 30 * NATIVE_PER_SECOND;
        float[] perMinute = LogMelPooling.perMinute(16).apply(preview, ROWS, nativeFrames, 30.0);
        float[] halfMinute = TimePooling.pool(preview, ROWS, nativeFrames, 8);
        for (int r = 0; r < ROWS; r++) {
            float[] row = Arrays.copyOfRange(perMinute, r * 16, (r + 1) * 16);
            float[] once = Arrays.copyOfRange(halfMinute, r * 8, (r + 1) * 8);
            assertThat(Arrays.copyOfRange(row, 0, 8)).as("row %d, first pass", r).containsExactly(once);
            assertThat(Arrays.copyOfRange(row, 8, 16)).as("row %d, the song again", r).containsExactly(once);
        }
        // 8 frames over 30 s: each 3.75 s, the first centred on 1.875 s, as in a minute pooled to 16.
        assertThat(perMinute[0]).isCloseTo(1.8625f, org.assertj.core.data.Offset.offset(1e-3f));
        float[] window = LogMelPooling.window(16).apply(preview, ROWS, nativeFrames, 30.0);
        assertThat(window[1] - window[0]).as("the window stretched: 1.875 s per frame").isCloseTo(1.875f, org.assertj.core.data.Offset.offset(1e-3f));
    }

    @Test
    void aLongerWindowGivesItsCentreMinute() {
        float[] twoMinutes = ramp(120);
        float[] perMinute = LogMelPooling.perMinute(16).apply(twoMinutes, ROWS, 120 * NATIVE_PER_SECOND, 120.0);
        float[] atRate = TimePooling.pool(twoMinutes, ROWS, 120 * NATIVE_PER_SECOND, 32);
        assertThat(Arrays.copyOfRange(perMinute, 0, 16)).containsExactly(Arrays.copyOfRange(atRate, 8, 24));
        assertThat(perMinute[0]).as("from 30 s on").isBetween(30f, 34f);
    }

    @Test
    void anUnknownDurationReadsTheWindowAndAModelWithoutSpectrogramPoolsNone() {
        float[] preview = ramp(30);
        assertThat(LogMelPooling.perMinute(16).apply(preview, ROWS, 30 * NATIVE_PER_SECOND, 0.0))
                .containsExactly(LogMelPooling.window(16).apply(preview, ROWS, 30 * NATIVE_PER_SECOND, 30.0));
        assertThatThrownBy(() -> LogMelPooling.NONE.apply(preview, ROWS, 30 * NATIVE_PER_SECOND, 30.0))
                .hasMessageContaining("no spectrogram");
        HyperParameters hp = HyperParameters.of(Map.of("mel-frames", "64", "song-frames", "640"));
        assertThat(ModelSpec.of(ModelKind.CONTRASTIVE, hp).pooling(hp)).isEqualTo(LogMelPooling.perMinute(640));
        assertThat(ModelSpec.of(ModelKind.CONV_VAE, hp).pooling(hp)).isEqualTo(LogMelPooling.window(64));
        assertThat(ModelSpec.of(ModelKind.VAE, hp).pooling(hp)).isEqualTo(LogMelPooling.NONE);
    }
}
