package dev.musicluster.feature.domain.audio;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Takes interleaved samples as a decoder produces them, chunk by chunk, and keeps only what the features need:
 * the chosen window, averaged to mono (librosa's {@code to_mono}) and resampled to each target rate by a
 * {@link PolyphaseResampler}, every rate from the one decode. Memory is bounded by the window, not the track.
 */
public final class MonoResamplingSink {

    private final int channels;
    private final int sourceRate;
    private final long skipFrames;
    private final long keepFrames;
    private final Rate[] rates;
    private long framesSeen;
    private float[] mono = new float[8192];
    private boolean finished;

    /**
     * @param targetRates the first is the audio's own rate, the others come along ({@link PcmAudio#at(int)})
     * @param skipFrames  input frames to drop before the window starts
     * @param keepFrames  input frames of the window; Long.MAX_VALUE for everything
     */
    public MonoResamplingSink(int channels, int sourceRate, int[] targetRates, long skipFrames, long keepFrames) {
        if (channels < 1 || sourceRate < 1) {
            throw new BadAudioException("invalid stream: " + channels + " channels at " + sourceRate + " Hz");
        }
        this.channels = channels;
        this.sourceRate = sourceRate;
        this.skipFrames = skipFrames;
        this.keepFrames = keepFrames;
        this.rates = Arrays.stream(targetRates).distinct().mapToObj(rate -> new Rate(sourceRate, rate, keepFrames)).toArray(Rate[]::new);
    }

    public MonoResamplingSink(int channels, int sourceRate, int targetRate, long skipFrames, long keepFrames) {
        this(channels, sourceRate, new int[] {targetRate}, skipFrames, keepFrames);
    }

    /** One target rate: its resampler and what it produced so far. */
    private static final class Rate {
        private final int rate;
        private final double factor;
        private final PolyphaseResampler resampler;
        private float[] output;
        private int produced;

        Rate(int sourceRate, int rate, long keepFrames) {
            this.rate = rate;
            this.factor = (double) rate / sourceRate;
            this.resampler = sourceRate == rate ? null : new PolyphaseResampler(sourceRate, rate);
            // Sized for the window, but never more than a minute up front: a WHOLE-track window is an upper bound,
            // and the buffer grows as audio actually arrives.
            long expected = (long) Math.ceil(Math.min(keepFrames, Long.MAX_VALUE / 2) * factor) + 16;
            this.output = new float[(int) Math.max(1024, Math.min(expected, rate * 60L))];
        }

        void push(float[] input, int length, boolean last) {
            if (resampler == null) {
                ensure(produced + length);
                System.arraycopy(input, 0, output, produced, length);
                produced += length;
                return;
            }
            resampler.process(input, length, last, (samples, count) -> {
                ensure(produced + count);
                System.arraycopy(samples, 0, output, produced, count);
                produced += count;
            });
        }

        float[] samples(long inputFrames) {
            int expected = (int) Math.round(inputFrames * factor);
            return Arrays.copyOf(output, Math.max(0, Math.min(produced, expected)));
        }

        private void ensure(int capacity) {
            if (capacity > output.length) {
                output = Arrays.copyOf(output, Math.max(capacity, output.length + output.length / 2));
            }
        }
    }

    /** True once the window is complete: the decoder may stop reading. */
    public boolean full() {
        return framesSeen >= skipFrames + keepFrames;
    }

    /** Adds {@code frames} interleaved frames from {@code interleaved}. */
    public void accept(float[] interleaved, int frames) {
        if (mono.length < frames) {
            mono = new float[frames];
        }
        int taken = 0;
        for (int f = 0; f < frames; f++, framesSeen++) {
            if (framesSeen < skipFrames || framesSeen >= skipFrames + keepFrames) {
                continue;
            }
            float sum = 0;
            int base = f * channels;
            for (int c = 0; c < channels; c++) {
                sum += interleaved[base + c];
            }
            mono[taken++] = sum / channels;
        }
        if (taken > 0) {
            for (Rate rate : rates) {
                rate.push(mono, taken, false);
            }
        }
    }

    /** Flushes the resamplers' tails and returns the audio at the first rate, the others along with it. */
    public PcmAudio finish(double sourceSeconds) {
        if (!finished) {
            for (Rate rate : rates) {
                rate.push(new float[0], 0, true);
            }
            finished = true;
        }
        long window = Math.max(0, Math.min(framesSeen - skipFrames, keepFrames));
        Map<Integer, float[]> others = new LinkedHashMap<>();
        for (int r = 1; r < rates.length; r++) {
            others.put(rates[r].rate, rates[r].samples(window));
        }
        return new PcmAudio(rates[0].samples(window), rates[0].rate, sourceRate, channels, sourceSeconds, others);
    }

    public int sourceRate() {
        return sourceRate;
    }

    public int targetRate() {
        return rates[0].rate;
    }
}
