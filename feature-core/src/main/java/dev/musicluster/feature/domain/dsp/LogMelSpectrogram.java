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

    public LogMelSpectrogram(SpectrogramConfig config) {
        this.config = config;
        this.spectrum = new PowerSpectrum(config.nFft(), config.hopLength());
        this.filterbank = MelFilterbank.of(config);
        this.dct = new Dct(config.nMels(), config.nMfcc());
        this.power = new float[config.bins()];
    }

    public record Result(NpyArray logMel, NpyArray mfcc) {
    }

    public Result compute(float[] signal) {
        return compute(signal, null);
    }

    public Result compute(float[] signal, FrameObserver observer) {
        int frames = config.frames(signal.length);
        int bands = config.nMels();
        // Frame-major while computing: each frame's bands are contiguous for the filterbank and the DCT.
        double[] mel = new double[frames * bands];
        for (int t = 0; t < frames; t++) {
            spectrum.frame(signal, t, power);
            if (observer != null) {
                observer.frame(t, power);
            }
            filterbank.apply(power, mel, t * bands);
        }
        Decibels.fromPower(mel, 1.0, config.amin(), config.topDb());

        int coefficients = dct.outputs();
        float[] mfcc = new float[coefficients * frames];
        double[] column = new double[coefficients];
        for (int t = 0; t < frames; t++) {
            dct.apply(mel, t * bands, column);
            for (int k = 0; k < coefficients; k++) {
                mfcc[k * frames + t] = (float) column[k];
            }
        }
        // Band-major on output, as librosa's arrays are: (n_mels, frames).
        float[] logMel = new float[mel.length];
        for (int t = 0; t < frames; t++) {
            int base = t * bands;
            for (int m = 0; m < bands; m++) {
                logMel[m * frames + t] = (float) mel[base + m];
            }
        }
        return new Result(new NpyArray(new int[] {bands, frames}, logMel), new NpyArray(new int[] {coefficients, frames}, mfcc));
    }

    public SpectrogramConfig config() {
        return config;
    }
}
