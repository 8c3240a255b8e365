package dev.musicluster.feature.domain.summary;

import dev.musicluster.contracts.tensor.NpyArray;
import dev.musicluster.feature.domain.audio.PcmAudio;
import dev.musicluster.feature.domain.dsp.Deltas;
import dev.musicluster.feature.domain.dsp.LogMelSpectrogram;
import dev.musicluster.feature.domain.dsp.SpectrogramConfig;

/**
 * Everything the feature service computes for one song: the log-mel spectrogram, the MFCCs and the summary vector,
 * from one pass of the STFT.
 */
public record SongFeatures(NpyArray logMel, NpyArray mfcc, SummaryVector summary) {

    /** One extractor per worker thread: it reuses its buffers. */
    public static final class Extractor {
        private final SpectrogramConfig config;
        private final LogMelSpectrogram spectrogram;

        public Extractor(SpectrogramConfig config) {
            this.config = config;
            this.spectrogram = new LogMelSpectrogram(config);
        }

        public SongFeatures extract(PcmAudio audio) {
            if (audio.sampleRate() != config.sampleRate()) {
                throw new IllegalArgumentException("audio at " + audio.sampleRate() + " Hz, features need " + config.sampleRate());
            }
            SpectralDescriptors spectral = new SpectralDescriptors(config);
            LogMelSpectrogram.Result result = spectrogram.compute(audio.samples(), spectral);
            NpyArray mfcc = result.mfcc();
            int coefficients = mfcc.dim(0);
            int frames = mfcc.dim(1);

            SummaryVector.Builder summary = new SummaryVector.Builder();
            rowStats(summary, "mfcc", mfcc.data(), coefficients, frames, true);
            if (frames >= 9) {
                rowStats(summary, "mfcc_delta", Deltas.of(mfcc.data(), coefficients, frames), coefficients, frames, false);
            }
            spectral.write(summary);
            timeDomain(summary, audio.samples());
            summary.add("tempo_bpm", TempoEstimator.bpm(result.logMel(), config.sampleRate(), config.hopLength()));
            return new SongFeatures(result.logMel(), mfcc, summary.build());
        }

        private static void rowStats(SummaryVector.Builder out, String prefix, float[] matrix, int rows, int frames, boolean withMean) {
            for (int r = 0; r < rows; r++) {
                RunningStats stats = new RunningStats();
                for (int t = 0; t < frames; t++) {
                    stats.add(matrix[r * frames + t]);
                }
                if (withMean) {
                    out.add(prefix + "_" + r + "_mean", stats.mean());
                }
                out.add(prefix + "_" + r + "_std", stats.std());
            }
        }

        /** Zero-crossing rate and RMS over the same centred frames as the spectrogram. */
        private void timeDomain(SummaryVector.Builder out, float[] samples) {
            RunningStats zcr = new RunningStats();
            RunningStats rms = new RunningStats();
            int n = config.nFft();
            int frames = config.frames(samples.length);
            for (int t = 0; t < frames; t++) {
                int start = Math.max(0, t * config.hopLength() - n / 2);
                int end = Math.min(samples.length, start + n);
                int crossings = 0;
                double energy = 0;
                for (int i = start; i < end; i++) {
                    energy += samples[i] * samples[i];
                    if (i > start && (samples[i] >= 0) != (samples[i - 1] >= 0)) {
                        crossings++;
                    }
                }
                int length = Math.max(1, end - start);
                zcr.add((double) crossings / length);
                rms.add(Math.sqrt(energy / length));
            }
            out.add("zero_crossing_rate_mean", zcr.mean()).add("zero_crossing_rate_std", zcr.std())
                    .add("rms_mean", rms.mean()).add("rms_std", rms.std());
        }
    }
}
