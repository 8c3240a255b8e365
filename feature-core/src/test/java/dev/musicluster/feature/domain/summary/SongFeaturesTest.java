package dev.musicluster.feature.domain.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.musicluster.feature.domain.audio.PcmAudio;
import dev.musicluster.feature.domain.dsp.SpectrogramConfig;
import java.util.HashSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The summary's descriptors on signals whose answers are known from first principles. */
class SongFeaturesTest {

    private static final int SR = 22_050;
    private final SongFeatures.Extractor extractor = new SongFeatures.Extractor(SpectrogramConfig.DEFAULT);

    @Test
    void aPureToneHasItsFrequencyAsCentroidAndItsPitchClassInChroma() {
        SummaryVector summary = extractor.extract(tone(440.0, 0.5, 3.0)).summary();

        assertThat(summary.value("spectral_centroid_mean")).isCloseTo(440f, offset(15f));
        assertThat(summary.value("chroma_A_mean")).isCloseTo(1f, offset(1e-3f));
        assertThat(summary.value("chroma_C_mean")).isLessThan(0.01f);
        assertThat(summary.value("rms_mean")).isCloseTo((float) (0.5 / Math.sqrt(2)), offset(0.01f));
        // 440 Hz crosses zero 880 times a second.
        assertThat(summary.value("zero_crossing_rate_mean")).isCloseTo(880f / SR, offset(0.002f));
        assertThat(summary.value("spectral_flatness_mean")).isLessThan(0.01f);
    }

    @Test
    void whiteNoiseIsFlatAndBright() {
        Random random = new Random(5);
        float[] noise = new float[SR * 3];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (random.nextDouble() - 0.5);
        }
        SummaryVector summary = extractor.extract(new PcmAudio(noise, SR, SR, 1, 3.0)).summary();
        assertThat(summary.value("spectral_flatness_mean")).isGreaterThan(0.4f);
        assertThat(summary.value("spectral_centroid_mean")).isCloseTo(SR / 4f, offset(400f));
        assertThat(summary.value("spectral_rolloff_mean")).isCloseTo(0.85f * SR / 2, offset(400f));
    }

    @Test
    void aClickTrackAt120BpmIsEstimatedAt120() {
        float[] clicks = new float[SR * 10];
        int period = SR / 2;
        for (int beat = 0; beat * period < clicks.length; beat++) {
            for (int i = 0; i < 200 && beat * period + i < clicks.length; i++) {
                clicks[beat * period + i] = (float) (0.8 * Math.exp(-i / 40.0) * Math.sin(i * 0.9));
            }
        }
        float tempo = extractor.extract(new PcmAudio(clicks, SR, SR, 1, 10.0)).summary().value("tempo_bpm");
        assertThat(tempo).isCloseTo(120f, offset(3f));
    }

    @Test
    void theSummaryHasAFixedListOfDistinctNames() {
        SummaryVector a = extractor.extract(tone(220, 0.3, 2.0)).summary();
        SummaryVector b = extractor.extract(tone(880, 0.3, 5.0)).summary();
        assertThat(a.names()).isEqualTo(b.names()).hasSize(a.values().length);
        assertThat(new HashSet<>(a.names())).hasSize(a.names().size());
        assertThat(a.names()).contains("mfcc_0_mean", "mfcc_19_std", "mfcc_delta_19_std", "spectral_contrast_6_mean", "tempo_bpm");
        for (float value : a.values()) {
            assertThat(Float.isFinite(value)).isTrue();
        }
    }

    private static PcmAudio tone(double hz, double amplitude, double seconds) {
        float[] samples = new float[(int) (SR * seconds)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / SR));
        }
        return new PcmAudio(samples, SR, SR, 1, seconds);
    }
}
