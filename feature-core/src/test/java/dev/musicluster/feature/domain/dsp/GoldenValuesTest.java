package dev.musicluster.feature.domain.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicluster.contracts.tensor.NpyArray;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Every stage against values computed from the formulas alone (src/test/resources/golden/make_golden.py: an
 * explicit DFT, the Slaney mel formulas, the DCT-II sum), for a sine, a chirp and seeded white noise.
 */
class GoldenValuesTest {

    @Test
    void filterbankMatchesTheFormulaIncludingTheLastBand() throws Exception {
        NpyArray expected = Golden.load("filterbank_128x1025.npy");
        float[][] matrix = MelFilterbank.of(SpectrogramConfig.DEFAULT).matrix();
        Golden.assertClose("filterbank", NpyArray.ofRows(matrix), expected);

        // TarsosDSP's filterbank puts the last band's centre at 0 Hz; ours peaks just below Nyquist.
        float[] last = matrix[127];
        int peak = 0;
        for (int k = 1; k < last.length; k++) {
            peak = last[k] > last[peak] ? k : peak;
        }
        assertThat(peak * 22050.0 / 2048).isBetween(10_000.0, 11_025.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sine", "chirp", "noise"})
    void logMelMfccAndDeltasMatchTheFormulas(String signal) throws Exception {
        float[] y = Golden.load(signal + ".signal.npy").data();
        LogMelSpectrogram.Result result = new LogMelSpectrogram(SpectrogramConfig.DEFAULT).compute(y);

        Golden.assertClose(signal + " log-mel", result.logMel(), Golden.load(signal + ".logmel.npy"));
        Golden.assertClose(signal + " mfcc", result.mfcc(), Golden.load(signal + ".mfcc.npy"));
        NpyArray mfcc = result.mfcc();
        NpyArray deltas = new NpyArray(mfcc.shape(), Deltas.of(mfcc.data(), mfcc.dim(0), mfcc.dim(1)));
        Golden.assertClose(signal + " deltas", deltas, Golden.load(signal + ".mfcc_delta.npy"));
    }

    @Test
    void aSineConcentratesItsEnergyInTheBandHoldingItsFrequency() throws Exception {
        float[] sine = Golden.load("sine.signal.npy").data();
        NpyArray logMel = new LogMelSpectrogram(SpectrogramConfig.DEFAULT).compute(sine).logMel();
        int frame = 20;
        int loudest = 0;
        for (int m = 1; m < 128; m++) {
            loudest = logMel.get(m, frame) > logMel.get(loudest, frame) ? m : loudest;
        }
        double[] edges = MelFilterbank.melFrequencies(130, 0, 11025);
        assertThat(440.0).isBetween(edges[loudest], edges[loudest + 2]);
    }

    @Test
    void reflectPaddingMirrorsWithoutRepeatingTheEdge() {
        assertThat(PowerSpectrum.reflect(-1, 5)).isEqualTo(1);
        assertThat(PowerSpectrum.reflect(-3, 5)).isEqualTo(3);
        assertThat(PowerSpectrum.reflect(5, 5)).isEqualTo(3);
        assertThat(PowerSpectrum.reflect(7, 5)).isEqualTo(1);
        assertThat(PowerSpectrum.reflect(2, 5)).isEqualTo(2);
    }

    @Test
    void frameCountFollowsCentredFraming() {
        assertThat(SpectrogramConfig.DEFAULT.frames(661_500)).isEqualTo(1292);
        assertThat(SpectrogramConfig.DEFAULT.frames(22_050)).isEqualTo(44);
    }
}
