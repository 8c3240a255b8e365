package dev.musicluster.training.domain;

import dev.musicluster.training.domain.data.TrainingSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Songs of three kinds, made up: each kind has its own spectral envelope and rhythm in the log-mel spectrogram, its
 * own summary vector centre and its own lyrics direction; every song adds noise, and every fourth has no lyrics.
 */
public final class SyntheticSongs {

    public static final int MELS = 128;
    public static final int SUMMARY = 24;
    public static final int LYRICS = 40;

    private SyntheticSongs() {
    }

    public static TrainingSet generate(int songs, int frames, long seed) {
        Random random = new Random(seed);
        List<String> ids = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        float[] summary = new float[songs * SUMMARY];
        float[] logMel = new float[songs * MELS * frames];
        float[] lyrics = new float[songs * LYRICS];
        float[] mask = new float[songs];
        for (int s = 0; s < songs; s++) {
            int kind = s % 3;
            ids.add("song-" + s);
            conditions.add(new String[] {"bn", "en", "ko"}[kind]);
            for (int c = 0; c < SUMMARY; c++) {
                summary[s * SUMMARY + c] = (float) ((c % 3 == kind ? 3.0 : 0.0) + random.nextGaussian());
            }
            double peak = 20 + 40 * kind + random.nextGaussian() * 3;
            double beat = 4 + 4 * kind;
            for (int m = 0; m < MELS; m++) {
                double envelope = -60 + 50 * Math.exp(-Math.pow((m - peak) / 12.0, 2));
                for (int t = 0; t < frames; t++) {
                    double pulse = 8 * Math.cos(2 * Math.PI * t / beat);
                    logMel[(s * MELS + m) * frames + t] = (float) (envelope + pulse + 2 * random.nextGaussian());
                }
            }
            mask[s] = s % 4 == 3 ? 0f : 1f;
            for (int c = 0; c < LYRICS && mask[s] > 0; c++) {
                lyrics[s * LYRICS + c] = (float) ((c % 3 == kind ? 1.0 : 0.0) + 0.3 * random.nextGaussian());
            }
        }
        return new TrainingSet(ids, summary, SUMMARY, logMel, MELS, frames, lyrics, LYRICS, mask, conditions);
    }
}
