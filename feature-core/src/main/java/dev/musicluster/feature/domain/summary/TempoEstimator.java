package dev.musicluster.feature.domain.summary;

import dev.musicluster.contracts.tensor.NpyArray;

/**
 * A global tempo from the log-mel spectrogram: the onset-strength envelope (positive spectral flux summed over
 * bands), its autocorrelation, and the lag that maximises it under a log-normal prior centred on 120 BPM with one
 * octave of spread, as librosa's {@code beat.tempo} does.
 */
final class TempoEstimator {

    private static final double PRIOR_BPM = 120.0;
    private static final double PRIOR_OCTAVES = 1.0;
    private static final double MIN_BPM = 30.0;
    private static final double MAX_BPM = 300.0;

    private TempoEstimator() {
    }

    static double bpm(NpyArray logMel, int sampleRate, int hop) {
        int bands = logMel.dim(0);
        int frames = logMel.dim(1);
        if (frames < 4) {
            return 0;
        }
        float[] data = logMel.data();
        double[] onset = new double[frames];
        for (int t = 1; t < frames; t++) {
            double flux = 0;
            for (int m = 0; m < bands; m++) {
                flux += Math.max(0, data[m * frames + t] - data[m * frames + t - 1]);
            }
            onset[t] = flux / bands;
        }
        double mean = 0;
        for (double value : onset) {
            mean += value / frames;
        }
        for (int t = 0; t < frames; t++) {
            onset[t] -= mean;
        }
        double framesPerMinute = 60.0 * sampleRate / hop;
        int minLag = (int) Math.floor(framesPerMinute / MAX_BPM);
        int maxLag = (int) Math.min(frames - 1, Math.ceil(framesPerMinute / MIN_BPM));
        double best = Double.NEGATIVE_INFINITY;
        int bestLag = -1;
        for (int lag = Math.max(1, minLag); lag <= maxLag; lag++) {
            double sum = 0;
            for (int t = lag; t < frames; t++) {
                sum += onset[t] * onset[t - lag];
            }
            double bpm = framesPerMinute / lag;
            double octaves = Math.log(bpm / PRIOR_BPM) / Math.log(2);
            double weighted = sum / (frames - lag) * Math.exp(-0.5 * octaves * octaves / (PRIOR_OCTAVES * PRIOR_OCTAVES));
            if (weighted > best) {
                best = weighted;
                bestLag = lag;
            }
        }
        return bestLag < 0 ? 0 : framesPerMinute / bestLag;
    }
}
