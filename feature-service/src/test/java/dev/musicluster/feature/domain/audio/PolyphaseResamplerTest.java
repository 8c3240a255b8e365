package dev.musicluster.feature.domain.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The resampler's passband, stopband, streaming and length, measured on sines. */
class PolyphaseResamplerTest {

    @Test
    void keepsThePassbandToNearNyquistAndRemovesWhatWouldAlias() {
        // 44.1 kHz → 16 kHz, against ffmpeg's default resampler measured on the same sines (ffmpeg -af aresample):
        // 6 kHz −0.00 dB, 7 kHz −0.39, 7.5 kHz −2.94, 8.5 kHz −26.3, 9 kHz −61.6 (which would alias to 7 kHz).
        assertThat(gainDb(6_000, 44_100, 16_000)).isBetween(-0.05, 0.05);
        assertThat(gainDb(7_000, 44_100, 16_000)).isBetween(-0.6, -0.2);
        assertThat(gainDb(7_500, 44_100, 16_000)).isBetween(-3.5, -2.5);
        assertThat(gainDb(8_500, 44_100, 16_000)).isBetween(-30.0, -22.0);
        assertThat(gainDb(9_000, 44_100, 16_000)).isLessThan(-55.0);
        // 44.1 kHz → 22,050 Hz keeps 9 kHz whole.
        assertThat(gainDb(9_000, 44_100, 22_050)).isBetween(-0.05, 0.05);
    }

    @Test
    void chunkedInputGivesTheSameSamplesAsOneBlock() {
        float[] signal = sine(3_000, 48_000, 48_000);
        float[] whole = resample(signal, 48_000, 22_050, signal.length);
        float[] chunked = resample(signal, 48_000, 22_050, 1_001);
        assertThat(chunked).containsExactly(whole);
        // The signal's length at the new rate, give or take the last sample.
        assertThat(whole.length).isBetween(22_050, 22_051);
    }

    private static double gainDb(double hz, int from, int to) {
        float[] out = resample(sine(hz, from, 2 * from), from, to, 4096);
        double rms = rms(Arrays.copyOfRange(out, to / 2, to + to / 2));
        return 20 * Math.log10(rms / Math.sqrt(0.5));
    }

    private static float[] resample(float[] signal, int from, int to, int chunk) {
        PolyphaseResampler resampler = new PolyphaseResampler(from, to);
        float[] out = new float[signal.length * to / from + 16];
        int[] n = {0};
        for (int at = 0; at < signal.length; at += chunk) {
            int length = Math.min(chunk, signal.length - at);
            boolean last = at + length >= signal.length;
            resampler.process(Arrays.copyOfRange(signal, at, at + length), length, last, (samples, count) -> {
                System.arraycopy(samples, 0, out, n[0], count);
                n[0] += count;
            });
        }
        return Arrays.copyOf(out, n[0]);
    }

    private static float[] sine(double hz, int rate, int samples) {
        float[] s = new float[samples];
        for (int i = 0; i < samples; i++) {
            s[i] = (float) Math.sin(2 * Math.PI * hz * i / rate);
        }
        return s;
    }

    private static double rms(float[] x) {
        double sum = 0;
        for (float v : x) {
            sum += v * v;
        }
        return Math.sqrt(sum / x.length);
    }
}
