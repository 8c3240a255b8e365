package dev.musicluster.feature.domain.dsp;

/**
 * The feature conventions, librosa's: power STFT with a periodic Hann window, centred frames with reflect padding,
 * a Slaney-style area-normalised mel filterbank, decibels relative to 1.0 with a floor and a dynamic-range limit,
 * MFCCs by orthonormal DCT-II of the decibel mel spectrogram.
 */
public record SpectrogramConfig(int sampleRate, int nFft, int hopLength, int nMels, int nMfcc, double topDb, double amin) {

    public static final SpectrogramConfig DEFAULT = new SpectrogramConfig(22_050, 2048, 512, 128, 20, 80.0, 1e-10);

    public SpectrogramConfig {
        if (Integer.bitCount(nFft) != 1) {
            throw new IllegalArgumentException("n_fft must be a power of two: " + nFft);
        }
        if (hopLength < 1 || nMels < 1 || nMfcc < 1 || nMfcc > nMels) {
            throw new IllegalArgumentException("invalid spectrogram configuration " + this);
        }
    }

    public int bins() {
        return nFft / 2 + 1;
    }

    /** Frames of a centred STFT: one every hop, the first centred on sample 0. */
    public int frames(int samples) {
        return 1 + samples / hopLength;
    }

    public SpectrogramConfig withMfcc(int count) {
        return new SpectrogramConfig(sampleRate, nFft, hopLength, nMels, count, topDb, amin);
    }
}
