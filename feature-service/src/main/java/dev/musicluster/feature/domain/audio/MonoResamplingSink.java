package dev.musicluster.feature.domain.audio;

import be.tarsos.dsp.resample.Resampler;
import java.util.Arrays;

/**
 * Takes interleaved samples as a decoder produces them, chunk by chunk, and keeps only what the features need:
 * the chosen window, averaged to mono (librosa's {@code to_mono}) and resampled to the target rate with
 * TarsosDSP's band-limited (windowed-sinc, libresample) resampler. Memory is bounded by the window, not the track.
 */
public final class MonoResamplingSink {

    private final int channels;
    private final int sourceRate;
    private final int targetRate;
    private final double factor;
    private final long skipFrames;
    private final long keepFrames;
    private final Resampler resampler;
    private long framesSeen;
    private float[] mono = new float[8192];
    private float[] output;
    private int produced;
    private boolean finished;

    /**
     * @param skipFrames input frames to drop before the window starts
     * @param keepFrames input frames of the window; Long.MAX_VALUE for everything
     */
    public MonoResamplingSink(int channels, int sourceRate, int targetRate, long skipFrames, long keepFrames) {
        if (channels < 1 || sourceRate < 1) {
            throw new BadAudioException("invalid stream: " + channels + " channels at " + sourceRate + " Hz");
        }
        this.channels = channels;
        this.sourceRate = sourceRate;
        this.targetRate = targetRate;
        this.factor = (double) targetRate / sourceRate;
        this.skipFrames = skipFrames;
        this.keepFrames = keepFrames;
        this.resampler = sourceRate == targetRate ? null : new Resampler(true, factor, factor);
        // Sized for the window, but never more than a minute up front: a WHOLE-track window is an upper bound, and
        // the buffer grows as audio actually arrives.
        long expected = (long) Math.ceil(Math.min(keepFrames, Long.MAX_VALUE / 2) * factor) + 16;
        this.output = new float[(int) Math.max(1024, Math.min(expected, targetRate * 60L))];
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
            push(mono, taken, false);
        }
    }

    /** Flushes the resampler's tail and returns the audio. */
    public PcmAudio finish(double sourceSeconds) {
        if (!finished) {
            push(new float[0], 0, true);
            finished = true;
        }
        int expected = (int) Math.round(Math.min(framesSeen - skipFrames, keepFrames) * factor);
        int length = Math.max(0, Math.min(produced, expected));
        return new PcmAudio(Arrays.copyOf(output, length), targetRate, sourceRate, channels, sourceSeconds);
    }

    private void push(float[] input, int length, boolean last) {
        if (resampler == null) {
            ensure(produced + length);
            System.arraycopy(input, 0, output, produced, length);
            produced += length;
            return;
        }
        int offset = 0;
        while (true) {
            ensure(produced + (int) Math.ceil((length - offset) * factor) + 4096);
            Resampler.Result result = resampler.process(factor, input, offset, length - offset, last,
                    output, produced, output.length - produced);
            offset += result.inputSamplesConsumed;
            produced += result.outputSamplesGenerated;
            if (offset >= length && (!last || result.outputSamplesGenerated == 0)) {
                return;
            }
        }
    }

    private void ensure(int capacity) {
        if (capacity > output.length) {
            output = Arrays.copyOf(output, Math.max(capacity, output.length + output.length / 2));
        }
    }

    public int sourceRate() {
        return sourceRate;
    }

    public int targetRate() {
        return targetRate;
    }
}
