package dev.musicluster.feature.domain.audio;

import java.util.Map;

/**
 * Mono audio as float samples in [-1, 1], with the same window at other rates when the decode made them.
 *
 * @param sourceSampleRate the rate the file was recorded at, before resampling
 * @param sourceSeconds    the whole track's length, when the container says; NaN otherwise
 * @param otherRates       the same audio resampled to other rates from the same decode, by rate
 */
public record PcmAudio(float[] samples, int sampleRate, int sourceSampleRate, int sourceChannels, double sourceSeconds,
                       Map<Integer, float[]> otherRates) {

    public PcmAudio {
        otherRates = Map.copyOf(otherRates);
    }

    public PcmAudio(float[] samples, int sampleRate, int sourceSampleRate, int sourceChannels, double sourceSeconds) {
        this(samples, sampleRate, sourceSampleRate, sourceChannels, sourceSeconds, Map.of());
    }

    public double seconds() {
        return (double) samples.length / sampleRate;
    }

    /** The audio at {@code rate}: this one, or one the decode made beside it. */
    public PcmAudio at(int rate) {
        if (rate == sampleRate) {
            return this;
        }
        float[] other = otherRates.get(rate);
        if (other == null) {
            throw new IllegalStateException("the audio was decoded at " + sampleRate + " Hz" + (otherRates.isEmpty() ? "" : " and "
                    + otherRates.keySet()) + ", not at " + rate + " Hz");
        }
        return new PcmAudio(other, rate, sourceSampleRate, sourceChannels, sourceSeconds);
    }

    public float peak() {
        float peak = 0;
        for (float sample : samples) {
            peak = Math.max(peak, Math.abs(sample));
        }
        return peak;
    }
}
