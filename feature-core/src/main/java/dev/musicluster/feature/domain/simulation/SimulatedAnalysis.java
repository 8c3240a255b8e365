package dev.musicluster.feature.domain.simulation;

import dev.musicluster.contracts.tensor.NpyArray;
import dev.musicluster.feature.domain.audio.PcmAudio;
import dev.musicluster.feature.domain.dsp.Dct;
import dev.musicluster.feature.domain.dsp.SpectrogramConfig;
import dev.musicluster.feature.domain.musicnn.MusicnnInput;
import dev.musicluster.feature.domain.musicnn.MusicnnNetwork;
import dev.musicluster.feature.domain.musicnn.MusicnnRepresentation;
import dev.musicluster.feature.domain.summary.SongFeatures;
import dev.musicluster.feature.domain.summary.SummaryVector;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the analysis of a recording would give, drawn instead of computed: for the scale harness
 * ({@code musicluster load --simulate}), which feeds the running system more songs than this machine could decode and
 * run the networks over. Everything has the real shape and size (the log-mel and MFCCs of the window, the summary
 * vector with the real names, every musicnn patch's 500 values and their means); the values come from a mixture of
 * {@link #COMPONENTS} sounds of unequal size, so that the system has groups to find.
 *
 * <p>The recording's SHA-256 is the seed: the same audio gives the same analysis (a recording ingested twice is a
 * duplicate, as with real audio), and whoever made the audio knows its component ({@link #component}) to score the
 * clustering by. Songs of one component and variant share their spectrogram ({@link #tensorVariant}), so that a store
 * short of disk can hold the tensors once per variant.
 */
public final class SimulatedAnalysis {

    /** The sounds of the mixture. */
    public static final int COMPONENTS = 12;
    /** Spectrograms per component: songs of one component and variant share theirs. */
    public static final int TENSOR_VARIANTS = 8;

    private static final double PATCH_SECONDS = 187.0 * MusicnnInput.HOP / MusicnnInput.SAMPLE_RATE;
    /** How far a song strays from its component's centre, relative to the centres' own spread (1). */
    private static final double SONG_SPREAD = 0.9;
    private static final double PATCH_SPREAD = 0.3;

    private final SpectrogramConfig config;
    private final double windowSeconds;
    private final List<String> summaryNames;
    private final Dct dct;

    public SimulatedAnalysis(SpectrogramConfig config, double windowSeconds) {
        this.config = config;
        this.windowSeconds = windowSeconds;
        this.dct = new Dct(config.nMels(), config.nMfcc());
        // The names the real extractor gives, from one second of a quiet tone.
        float[] tone = new float[config.sampleRate()];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (float) (0.1 * Math.sin(2 * Math.PI * 440 * i / config.sampleRate()));
        }
        this.summaryNames = new SongFeatures.Extractor(config)
                .extract(new PcmAudio(tone, config.sampleRate(), config.sampleRate(), 1, 1.0)).summary().names();
    }

    /** A recording's analysis. */
    public record Song(int component, double trackSeconds, SongFeatures features, MusicnnRepresentation musicnn) {
    }

    /**
     * The mixture component a recording of this SHA-256 (hex) is drawn from. As a library's genres, the sounds are not
     * equally common: component c holds (√(c+1) − √c)/√12 of the songs, 29 % the first, 4 % the last.
     */
    public static int component(String audioSha256) {
        double u = (seed(audioSha256) >>> 11) / (double) (1L << 53);
        return Math.min(COMPONENTS - 1, (int) (COMPONENTS * u * u));
    }

    /** Which of its component's {@link #TENSOR_VARIANTS} spectrograms a recording has. */
    public static int tensorVariant(String audioSha256) {
        return (int) Long.remainderUnsigned(Long.rotateRight(seed(audioSha256), 17), TENSOR_VARIANTS);
    }

    public Song analyse(String audioSha256) {
        long seed = seed(audioSha256);
        int component = component(audioSha256);
        SplittableRandom song = new SplittableRandom(seed);
        // Track lengths of a library: log-normal around 3 min 50 s, at most 15 min; none shorter than the window, so that
        // every song of a component's variant has a spectrogram of one shape.
        double trackSeconds = Math.min(900, Math.max(windowSeconds, Math.exp(Math.log(230) + 0.35 * song.nextGaussian(0, 1))));
        SongFeatures features = features(component, tensorVariant(audioSha256), song);
        return new Song(component, trackSeconds, features, musicnn(component, song));
    }

    /** The log-mel and MFCCs of one component's variant (the same for every song of it) and the song's own summary. */
    private SongFeatures features(int component, int variant, SplittableRandom song) {
        NpyArray logMel = logMel(component, variant);
        NpyArray mfcc = mfcc(logMel);
        float[] centre = centre(component, 3, summaryNames.size());
        float[] summary = new float[summaryNames.size()];
        for (int i = 0; i < summary.length; i++) {
            summary[i] = (float) (centre[i] + SONG_SPREAD * song.nextGaussian(0, 1));
        }
        return new SongFeatures(logMel, mfcc, new SummaryVector(summaryNames, summary));
    }

    /** The real shape (mels × frames of the window), in decibels below the peak: a spectral envelope with a beat. */
    private NpyArray logMel(int component, int variant) {
        int mels = config.nMels();
        int frames = config.frames((int) Math.round(windowSeconds * config.sampleRate()));
        SplittableRandom random = new SplittableRandom(component * 1_000_003L + variant * 7919L + 11);
        float[] envelope = centre(component, 1, mels);
        double period = 6 + 3 * component % 17;
        float[] values = new float[mels * frames];
        for (int m = 0; m < mels; m++) {
            double level = -30 - 6 * envelope[m] - 20.0 * m / mels;
            for (int t = 0; t < frames; t++) {
                double beat = 8 * Math.max(0, Math.cos(2 * Math.PI * t / period));
                values[m * frames + t] = (float) Math.max(-config.topDb(), Math.min(0, level + beat + 3 * random.nextGaussian(0, 1)));
            }
        }
        return new NpyArray(new int[] {mels, frames}, values);
    }

    private NpyArray mfcc(NpyArray logMel) {
        int mels = logMel.dim(0);
        int frames = logMel.dim(1);
        int coefficients = dct.outputs();
        double[] column = new double[mels];
        double[] out = new double[coefficients];
        float[] values = new float[coefficients * frames];
        for (int t = 0; t < frames; t++) {
            for (int m = 0; m < mels; m++) {
                column[m] = logMel.data()[m * frames + t];
            }
            dct.apply(column, 0, out);
            for (int k = 0; k < coefficients; k++) {
                values[k * frames + t] = (float) out[k];
            }
        }
        return new NpyArray(new int[] {coefficients, frames}, values);
    }

    /** Every patch: the song's embeddings and tags near its component's, each patch a little apart. */
    private MusicnnRepresentation musicnn(int component, SplittableRandom song) {
        int embedding = MusicnnNetwork.EMBEDDING;
        int tags = MusicnnNetwork.TAGS;
        int patches = Math.max(1, (int) Math.floor(windowSeconds / PATCH_SECONDS));
        float[] embeddingCentre = centre(component, 2, 2 * embedding);
        float[] tagCentre = centre(component, 4, 2 * tags);
        float[] songEmbedding = new float[2 * embedding];
        for (int i = 0; i < songEmbedding.length; i++) {
            songEmbedding[i] = (float) (embeddingCentre[i] + SONG_SPREAD * song.nextGaussian(0, 1));
        }
        int width = MusicnnRepresentation.PATCH_WIDTH;
        float[] perPatch = new float[patches * width];
        float[] mean = new float[width];
        for (int p = 0; p < patches; p++) {
            int row = p * width;
            for (int i = 0; i < 2 * embedding; i++) {
                perPatch[row + i] = (float) (songEmbedding[i] + PATCH_SPREAD * song.nextGaussian(0, 1));
            }
            for (int i = 0; i < 2 * tags; i++) {
                // Tags are probabilities: most near 0, a component's own few high.
                double logit = -3 + 2.5 * tagCentre[i] + 0.3 * songEmbedding[i] + PATCH_SPREAD * song.nextGaussian(0, 1);
                perPatch[row + 2 * embedding + i] = (float) (1 / (1 + Math.exp(-logit)));
            }
            for (int i = 0; i < width; i++) {
                mean[i] += perPatch[row + i] / patches;
            }
        }
        return new MusicnnRepresentation(Arrays.copyOfRange(mean, 0, embedding), Arrays.copyOfRange(mean, embedding, 2 * embedding),
                Arrays.copyOfRange(mean, 2 * embedding, 2 * embedding + tags), Arrays.copyOfRange(mean, 2 * embedding + tags, width),
                patches, perPatch);
    }

    /** A component's fixed centre in one of its spaces: standard normal values, the same in every process. */
    private static float[] centre(int component, int space, int size) {
        SplittableRandom random = new SplittableRandom(0x5eed_0000L + 131L * component + space);
        float[] centre = new float[size];
        for (int i = 0; i < size; i++) {
            centre[i] = (float) random.nextGaussian(0, 1);
        }
        return centre;
    }

    private static long seed(String audioSha256) {
        byte[] bytes = HexFormat.of().parseHex(audioSha256.substring(0, 16));
        long seed = 0;
        for (byte b : bytes) {
            seed = seed << 8 | (b & 0xff);
        }
        return seed;
    }
}
