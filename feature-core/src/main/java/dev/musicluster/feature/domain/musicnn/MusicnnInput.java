package dev.musicluster.feature.domain.musicnn;

import dev.musicluster.feature.domain.audio.BadAudioException;
import dev.musicluster.feature.domain.dsp.MelFilterbank;
import dev.musicluster.feature.domain.dsp.PowerSpectrum;

/**
 * What musicnn listens to: 16 kHz mono, a centred power STFT (512-sample periodic Hann frames, hop 256, reflect
 * padding), 96 Slaney mel bands from 0 to 8 kHz, each value rounded to half precision, then
 * {@code log10(10000 x + 1)}. Frames × bands, frame-major, as the networks read it. One instance per thread.
 */
public final class MusicnnInput {

    public static final int SAMPLE_RATE = 16_000;
    public static final int N_FFT = 512;
    public static final int HOP = 256;
    public static final int BANDS = 96;

    private final PowerSpectrum spectrum = new PowerSpectrum(N_FFT, HOP);
    private final MelFilterbank filterbank = new MelFilterbank(SAMPLE_RATE, N_FFT, BANDS, 0.0, SAMPLE_RATE / 2.0);
    private final float[] power = new float[N_FFT / 2 + 1];
    private final double[] mel = new double[BANDS];

    /** Frames of a centred STFT of {@code samples} samples. */
    public static int frames(int samples) {
        return 1 + samples / HOP;
    }

    /**
     * @param pcm mono samples at 16 kHz, finite, at least 257 of them (the reflect padding needs half a frame)
     * @return frames × 96 values, frame-major
     */
    public float[] compute(float[] pcm) {
        if (pcm.length <= N_FFT / 2) {
            throw new BadAudioException(String.format("audio of %d samples at 16 kHz is too short for musicnn (more than %d needed)",
                    pcm.length, N_FFT / 2));
        }
        for (float sample : pcm) {
            if (!Float.isFinite(sample)) {
                throw new BadAudioException("audio holds non-finite samples (NaN or infinity)");
            }
        }
        int frames = frames(pcm.length);
        float[] out = new float[frames * BANDS];
        for (int t = 0; t < frames; t++) {
            spectrum.frame(pcm, t, power);
            filterbank.apply(power, mel, 0);
            for (int m = 0; m < BANDS; m++) {
                // A sample far outside [-1, 1] can overflow half precision: saturate, so the logarithm stays finite.
                float half = Math.min(HalfPrecision.MAX, HalfPrecision.round((float) mel[m]));
                out[t * BANDS + m] = (float) Math.log10(10000f * half + 1f);
            }
        }
        return out;
    }
}
