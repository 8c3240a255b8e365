package dev.musicluster.feature.domain.summary;

import dev.musicluster.feature.domain.dsp.FrameObserver;
import dev.musicluster.feature.domain.dsp.SpectrogramConfig;
import java.util.Arrays;

/**
 * Per-frame descriptors of the magnitude spectrum, averaged over the song: centroid, bandwidth, 85 % roll-off,
 * flatness, octave-band contrast and a 12-bin chroma. Fed frame by frame while the spectrogram is computed.
 */
final class SpectralDescriptors implements FrameObserver {

    static final int CONTRAST_BANDS = 7;
    private static final double ROLL_OFF = 0.85;
    private static final double CONTRAST_QUANTILE = 0.02;
    private static final double FLOOR = 1e-10;

    private final double[] frequencies;
    private final int[] pitchClass;
    private final int[] bandEdges;
    private final double[] magnitude;
    private final RunningStats centroid = new RunningStats();
    private final RunningStats bandwidth = new RunningStats();
    private final RunningStats rollOff = new RunningStats();
    private final RunningStats flatness = new RunningStats();
    private final RunningStats[] contrast = new RunningStats[CONTRAST_BANDS];
    private final RunningStats[] chroma = new RunningStats[12];

    SpectralDescriptors(SpectrogramConfig config) {
        int bins = config.bins();
        frequencies = new double[bins];
        pitchClass = new int[bins];
        for (int k = 0; k < bins; k++) {
            frequencies[k] = (double) k * config.sampleRate() / config.nFft();
            // Bins below 27.5 Hz (A0) carry no pitch; the rest fold onto the nearest equal-tempered pitch class.
            pitchClass[k] = frequencies[k] < 27.5 ? -1 : Math.floorMod((int) Math.round(12 * log2(frequencies[k] / 440.0)) + 9, 12);
        }
        // Six octaves from 200 Hz, then everything above, as librosa's spectral_contrast(fmin=200, n_bands=6).
        bandEdges = new int[CONTRAST_BANDS + 1];
        for (int b = 1; b < CONTRAST_BANDS; b++) {
            bandEdges[b] = (int) Math.min(bins - 1, Math.round(200.0 * Math.pow(2, b - 1) * config.nFft() / config.sampleRate()));
        }
        bandEdges[CONTRAST_BANDS] = bins;
        magnitude = new double[bins];
        Arrays.setAll(contrast, i -> new RunningStats());
        Arrays.setAll(chroma, i -> new RunningStats());
    }

    @Override
    public void frame(int index, float[] power) {
        double total = 0;
        double weighted = 0;
        for (int k = 0; k < magnitude.length; k++) {
            magnitude[k] = Math.sqrt(power[k]);
            total += magnitude[k];
            weighted += magnitude[k] * frequencies[k];
        }
        double mean = total / magnitude.length;
        double c = total > 0 ? weighted / total : 0;
        centroid.add(c);
        double spread = 0;
        for (int k = 0; k < magnitude.length; k++) {
            spread += magnitude[k] * (frequencies[k] - c) * (frequencies[k] - c);
        }
        bandwidth.add(total > 0 ? Math.sqrt(spread / total) : 0);
        rollOff.add(rollOffFrequency(total));
        flatness.add(flatness(power));
        addContrast();
        addChroma(power);
    }

    /**
     * Geometric over arithmetic mean of the power spectrum. The logarithm is taken of products of 16 bins at a
     * time, which stay within double range (each factor is between 1e-10 and about 1e8), instead of per bin.
     */
    private static double flatness(float[] power) {
        double arithmetic = 0;
        double logSum = 0;
        double product = 1;
        for (int k = 0; k < power.length; k++) {
            double p = Math.max(FLOOR, power[k]);
            arithmetic += p;
            product *= p;
            if ((k & 15) == 15) {
                logSum += Math.log(product);
                product = 1;
            }
        }
        logSum += Math.log(product);
        return Math.exp(logSum / power.length) / (arithmetic / power.length);
    }

    private double rollOffFrequency(double total) {
        double threshold = ROLL_OFF * total;
        double cumulative = 0;
        for (int k = 0; k < magnitude.length; k++) {
            cumulative += magnitude[k];
            if (cumulative >= threshold) {
                return frequencies[k];
            }
        }
        return frequencies[magnitude.length - 1];
    }

    /** Peak minus valley of each band, in dB, from the means of its top and bottom 2 % of bins. */
    private void addContrast() {
        for (int b = 0; b < CONTRAST_BANDS; b++) {
            int from = bandEdges[b];
            int to = Math.max(from + 1, bandEdges[b + 1]);
            int take = Math.max(1, (int) Math.round(CONTRAST_QUANTILE * (to - from)));
            double peak = Extremes.meanOfLargest(magnitude, from, to, take);
            double valley = Extremes.meanOfSmallest(magnitude, from, to, take);
            contrast[b].add(10 * Math.log10(Math.max(FLOOR, peak)) - 10 * Math.log10(Math.max(FLOOR, valley)));
        }
    }

    /** Energy per pitch class, normalised to the frame's strongest class. */
    private void addChroma(float[] power) {
        double[] classes = new double[12];
        for (int k = 0; k < power.length; k++) {
            if (pitchClass[k] >= 0) {
                classes[pitchClass[k]] += power[k];
            }
        }
        double max = Arrays.stream(classes).max().orElse(0);
        for (int p = 0; p < 12; p++) {
            chroma[p].add(max > 0 ? classes[p] / max : 0);
        }
    }

    void write(SummaryVector.Builder out) {
        out.add("spectral_centroid_mean", centroid.mean()).add("spectral_centroid_std", centroid.std())
                .add("spectral_bandwidth_mean", bandwidth.mean()).add("spectral_bandwidth_std", bandwidth.std())
                .add("spectral_rolloff_mean", rollOff.mean()).add("spectral_rolloff_std", rollOff.std())
                .add("spectral_flatness_mean", flatness.mean()).add("spectral_flatness_std", flatness.std());
        for (int b = 0; b < CONTRAST_BANDS; b++) {
            out.add("spectral_contrast_" + b + "_mean", contrast[b].mean());
        }
        String[] names = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
        for (int p = 0; p < 12; p++) {
            out.add("chroma_" + names[p] + "_mean", chroma[p].mean());
        }
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
