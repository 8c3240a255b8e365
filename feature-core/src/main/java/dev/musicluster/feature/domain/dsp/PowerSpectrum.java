package dev.musicluster.feature.domain.dsp;

import be.tarsos.dsp.util.fft.FloatFFT;
import be.tarsos.dsp.util.fft.HannWindow;
import java.util.Arrays;

/**
 * The power spectrum |X|² of one centred frame of a signal. TarsosDSP does the FFT (its JTransforms real
 * transform) and the Hann window. Not thread-safe: one per worker.
 */
public final class PowerSpectrum {

    private final int nFft;
    private final int hop;
    private final float[] window;
    private final FloatFFT fft;
    private final float[] frame;

    public PowerSpectrum(int nFft, int hop) {
        this.nFft = nFft;
        this.hop = hop;
        // TarsosDSP's Hann is the symmetric one; the periodic Hann of librosa (and of spectral analysis generally)
        // is the first n values of the symmetric window of length n + 1.
        this.window = Arrays.copyOf(new HannWindow().generateCurve(nFft + 1), nFft);
        this.fft = new FloatFFT(nFft);
        this.frame = new float[nFft];
    }

    /**
     * Writes the power of bins 0..nFft/2 of frame {@code index} into {@code power}. The frame is centred on sample
     * {@code index * hop}; samples beyond either end are mirrored (numpy's "reflect": the edge sample is not
     * repeated).
     */
    public void frame(float[] signal, int index, float[] power) {
        int n = signal.length;
        if (n <= nFft / 2) {
            throw new IllegalArgumentException("signal of " + n + " samples is too short for n_fft " + nFft);
        }
        int start = index * hop - nFft / 2;
        if (start >= 0 && start + nFft <= n) {
            for (int i = 0; i < nFft; i++) {
                frame[i] = signal[start + i] * window[i];
            }
        } else {
            for (int i = 0; i < nFft; i++) {
                frame[i] = signal[reflect(start + i, n)] * window[i];
            }
        }
        fft.realForward(frame);
        // Packed real-FFT layout: [Re0, Re(n/2), Re1, Im1, Re2, Im2, ...]
        power[0] = frame[0] * frame[0];
        power[nFft / 2] = frame[1] * frame[1];
        for (int k = 1; k < nFft / 2; k++) {
            float re = frame[2 * k];
            float im = frame[2 * k + 1];
            power[k] = re * re + im * im;
        }
    }

    static int reflect(int i, int n) {
        int period = 2 * (n - 1);
        int j = Math.floorMod(i, period);
        return j < n ? j : period - j;
    }
}
