package dev.musicluster.feature.domain.dsp;

import dev.musicluster.contracts.tensor.NpyArray;

/**
 * Log-mel spectrogram (nMels × frames, dB) and MFCCs (nMfcc × frames) of a mono signal, with librosa's
 * conventions (see {@link SpectrogramConfig}). One instance per thread: it reuses its buffers.
 */
public final class LogMelSpectrogram {

    private final SpectrogramConfig config;
    private final PowerSpectrum spectrum;
    private final MelFilterbank filterbank;
    private final Dct dct;
    private final float[] power;
    private final double[] melColumn;

    public LogMelSpectrogram(SpectrogramConfig config) {
        this.config = config;
        this.spectrum = new PowerSpectrum(config.nFft(), config.hopLength());
        this.filterbank = MelFilterbank.of(config);
        this.dct = new Dct(config.nMels(), config.nMfcc());
        this.power = new float[config.bins()];
        this.melColumn = new double[config.nMels()];
    }

    public record Result(NpyArray logMel, NpyArray mfcc) {
    }

    public Result compute(float[] signal) {
        return compute(signal, null);
    }

    public Result compute(float[] signal, FrameObserver observer) {
        int frames = config.frames(signal.length);
        int bands = config.nMels();
        double[] mel = new double[bands * frames];
        for (int t = 0; t < frames; t++) {
            spectrum.frame(signal, t, power);
            if (observer != null) {
                observer.frame(t, power);
            }
            filterbank.apply(power, melColumn);
            for (int m = 0; m < bands; m++) {
                mel[m * frames + t] = melColumn[m];
            }
        }
        Decibels.fromPower(mel, 1.0, config.amin(), config.topDb());

        int coefficients = dct.outputs();
        float[] mfcc = new float[coefficients * frames];
        double[] column = new double[coefficients];
        for (int t = 0; t < frames; t++) {
            dct.apply(mel, t, frames, column);
            for (int k = 0; k < coefficients; k++) {
                mfcc[k * frames + t] = (float) column[k];
            }
        }
        float[] logMel = new float[mel.length];
        for (int i = 0; i < mel.length; i++) {
            logMel[i] = (float) mel[i];
        }
        return new Result(new NpyArray(new int[] {bands, frames}, logMel), new NpyArray(new int[] {coefficients, frames}, mfcc));
    }

    public SpectrogramConfig config() {
        return config;
    }

    public MelFilterbank filterbank() {
        return filterbank;
    }
}
