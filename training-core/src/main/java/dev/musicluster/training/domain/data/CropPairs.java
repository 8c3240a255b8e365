package dev.musicluster.training.domain.data;

import java.util.random.RandomGenerator;

/**
 * The contrastive model's training views: two random crops of each song of a batch, each augmented as a different
 * recording of the same music might differ: a gain change (σ {@value #GAIN_DB} dB), a shift of up to
 * {@value #MAX_BAND_SHIFT} mel bands (a small change of pitch or of the recording's colour) and noise
 * (σ {@value #NOISE} after standardisation). Crops are read from spectrograms already standardised per band, so a
 * gain in decibels becomes a shift of {@code dB / std} in each band.
 */
public final class CropPairs {

    static final double GAIN_DB = 3;
    static final int MAX_BAND_SHIFT = 2;
    static final double NOISE = 0.1;

    private final float[] logMel;
    private final int mels;
    private final int frames;
    private final int crop;
    private final float[] bandStd;
    /**
     * One Gaussian draw per value cut: {@code java.util.Random}'s synchronised polar method made cutting a fifth of
     * the training time (docs/performance.md); a {@code SplittableRandom} draws by ziggurat.
     */
    private final RandomGenerator random;

    /**
     * @param logMel  standardised spectrograms, {@code songs × mels × frames}, song-major
     * @param bandStd the per-band scale they were standardised with (decibels per unit)
     */
    public CropPairs(float[] logMel, int mels, int frames, int crop, float[] bandStd, RandomGenerator random) {
        if (crop > frames || crop < 1) {
            throw new IllegalArgumentException("a crop of " + crop + " frames does not fit spectrograms of " + frames);
        }
        if (bandStd.length != mels || logMel.length % (mels * frames) != 0) {
            throw new IllegalArgumentException("spectrograms of " + logMel.length + " values are not songs of " + mels + " x " + frames);
        }
        this.logMel = logMel;
        this.mels = mels;
        this.frames = frames;
        this.crop = crop;
        this.bandStd = bandStd;
        this.random = random;
    }

    /** Values per crop. */
    private int cropWidth() {
        return mels * crop;
    }

    /**
     * Two augmented crops of each song, {@code 2·songs × mels × crop}: the first views in the songs' order, then their
     * partners in the same order (the layout {@code NtXentLoss} reads).
     */
    public float[] views(long[] songs) {
        float[] out = new float[2 * songs.length * cropWidth()];
        for (int i = 0; i < songs.length; i++) {
            view((int) songs[i], out, i);
            view((int) songs[i], out, songs.length + i);
        }
        return out;
    }

    private void view(int song, float[] out, int slot) {
        int offset = random.nextInt(frames - crop + 1);
        double gainDb = random.nextGaussian() * GAIN_DB;
        int shift = random.nextInt(2 * MAX_BAND_SHIFT + 1) - MAX_BAND_SHIFT;
        int songBase = song * mels * frames;
        for (int b = 0; b < mels; b++) {
            int source = Math.min(mels - 1, Math.max(0, b + shift));
            float gain = (float) (gainDb / bandStd[source]);
            int from = songBase + source * frames + offset;
            int to = (slot * mels + b) * crop;
            for (int t = 0; t < crop; t++) {
                out[to + t] = logMel[from + t] + gain + (float) (random.nextGaussian() * NOISE);
            }
        }
    }
}
