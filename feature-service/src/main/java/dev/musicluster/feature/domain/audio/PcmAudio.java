package dev.musicluster.feature.domain.audio;

/**
 * Mono audio as float samples in [-1, 1].
 *
 * @param sourceSampleRate the rate the file was recorded at, before resampling
 * @param sourceSeconds    the whole track's length, when the container says; NaN otherwise
 */
public record PcmAudio(float[] samples, int sampleRate, int sourceSampleRate, int sourceChannels, double sourceSeconds) {

    public double seconds() {
        return (double) samples.length / sampleRate;
    }

    public float peak() {
        float peak = 0;
        for (float sample : samples) {
            peak = Math.max(peak, Math.abs(sample));
        }
        return peak;
    }
}
