package dev.musicluster.feature.domain.audio;

import java.util.Arrays;

/**
 * Band-limited resampling by a Kaiser-windowed sinc in polyphase form, with ffmpeg's libswresample defaults
 * (filter size 32, cutoff 0.97 of the lower Nyquist frequency, Kaiser β 9, 1,024 phases unless the rate ratio
 * needs fewer, each phase normalised to unit gain). TarsosDSP's libresample port is fixed at a 0.90 roll-off: it
 * takes the top of the spectrum away (7.2 to 8 kHz at 16 kHz), where musicnn's highest mel bands listen, and it
 * moved their embeddings by up to 5 %. Streaming: memory is the filter's span, not the signal's.
 */
public final class PolyphaseResampler {

    private static final int FILTER_SIZE = 32;
    private static final double CUTOFF = 0.97;
    private static final double KAISER_BETA = 9.0;
    private static final int MAX_PHASES = 1024;

    private final long up;
    private final long down;
    private final int phases;
    private final int half;
    private final float[][] filters;
    /** Input not yet fully used, from absolute input index {@code base}. */
    private float[] input = new float[8192];
    private long base = 0;
    private int buffered = 0;
    private long produced = 0;

    public PolyphaseResampler(int sourceRate, int targetRate) {
        long gcd = gcd(sourceRate, targetRate);
        this.up = targetRate / gcd;
        this.down = sourceRate / gcd;
        this.phases = (int) Math.min(up, MAX_PHASES);
        double factor = Math.min(1.0, (double) targetRate / sourceRate);
        this.half = (int) Math.ceil(FILTER_SIZE / 2.0 / factor);
        this.filters = new float[phases][];
        double bessel = besselI0(KAISER_BETA);
        for (int p = 0; p < phases; p++) {
            double fraction = (double) p / phases;
            double[] taps = new double[2 * half];
            double sum = 0;
            for (int k = 0; k < taps.length; k++) {
                // Tap k weighs input sample floor(position) - half + 1 + k.
                double x = k - half + 1 - fraction;
                double w = Math.abs(x) >= half ? 0 : besselI0(KAISER_BETA * Math.sqrt(1 - (x / half) * (x / half))) / bessel;
                double arg = Math.PI * CUTOFF * factor * x;
                taps[k] = w * (x == 0 ? 1.0 : Math.sin(arg) / arg);
                sum += taps[k];
            }
            filters[p] = new float[taps.length];
            for (int k = 0; k < taps.length; k++) {
                filters[p][k] = (float) (taps[k] / sum);
            }
        }
    }

    /** Receives output samples. */
    @FunctionalInterface
    public interface Output {
        void accept(float[] samples, int length);
    }

    /**
     * Adds input; writes every output sample whose filter span is complete (all of them when {@code last}, the
     * signal then taken as zero beyond its end).
     */
    public void process(float[] samples, int length, boolean last, Output out) {
        if (buffered + length > input.length) {
            input = Arrays.copyOf(input, Math.max(buffered + length, 2 * input.length));
        }
        System.arraycopy(samples, 0, input, buffered, length);
        buffered += length;
        long available = base + buffered;
        float[] chunk = new float[4096];
        int n = 0;
        while (true) {
            // Output sample m sits at input position m · down / up.
            long numerator = produced * down;
            long whole = numerator / up;
            long last0 = whole + half;
            if (!last && last0 >= available) {
                break;
            }
            if (last && whole >= available) {
                break;
            }
            int phase = (int) ((numerator % up) * phases / up);
            float[] filter = filters[phase];
            long first = whole - half + 1;
            float acc = 0;
            if (first >= 0 && first + filter.length <= available) {
                int offset = (int) (first - base);
                for (int k = 0; k < filter.length; k++) {
                    acc += filter[k] * input[offset + k];
                }
            } else {
                for (int k = 0; k < filter.length; k++) {
                    long i = first + k;
                    if (i >= 0 && i < available) {
                        acc += filter[k] * input[(int) (i - base)];
                    }
                }
            }
            chunk[n++] = acc;
            produced++;
            if (n == chunk.length) {
                out.accept(chunk, n);
                n = 0;
            }
        }
        if (n > 0) {
            out.accept(chunk, n);
        }
        // Keep what later outputs still read: from the next output's first tap on.
        long keepFrom = Math.max(base, (produced * down) / up - half + 1);
        int drop = (int) Math.min(buffered, keepFrom - base);
        if (drop > 0) {
            System.arraycopy(input, drop, input, 0, buffered - drop);
            buffered -= drop;
            base += drop;
        }
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** The modified Bessel function of the first kind, order 0, by its power series. */
    static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 200; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
        }
        return sum;
    }
}
