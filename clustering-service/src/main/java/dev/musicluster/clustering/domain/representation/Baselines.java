package dev.musicluster.clustering.domain.representation;

import dev.musicluster.clustering.domain.evaluation.Standardisation;
import java.util.ArrayList;
import java.util.List;

/**
 * The representations every trained model is compared with, built from what the feature and embedding services
 * publish: the standardised summary vector; its first 32 principal components (the classic PCA + K-Means
 * pipeline); the lyrics embeddings alone (songs with lyrics only); and audio + lyrics, each block standardised and
 * scaled by 1/√(its width) so that both weigh alike whatever their dimensions (songs without lyrics get a zero
 * lyrics block).
 */
public final class Baselines {

    public static final String MODEL = "baseline";
    public static final String SUMMARY = "summary";
    public static final String PCA_SUMMARY = "pca32-summary";
    public static final String LYRICS = "lyrics";
    public static final String SUMMARY_AND_LYRICS = "summary+lyrics";
    private static final int PCA_COMPONENTS = 32;
    /** Fewer songs than this with lyrics and the lyrics baselines are left out. */
    private static final int MIN_SONGS = 3;

    private Baselines() {
    }

    /**
     * @param summary one summary vector per song
     * @param lyrics  one lyrics embedding per song, null where a song has no lyrics
     */
    public static List<Representation> of(List<String> ids, double[][] summary, double[][] lyrics) {
        List<Representation> out = new ArrayList<>();
        double[][] standardised = Standardisation.apply(summary);
        out.add(new Representation(SUMMARY, MODEL, ids, standardised));
        int components = Math.min(PCA_COMPONENTS, Math.min(standardised.length - 1, standardised[0].length));
        if (components >= 2) {
            out.add(new Representation(PCA_SUMMARY, MODEL, ids, Pca.fit(standardised, components).transform(standardised)));
        }
        List<String> withLyrics = new ArrayList<>();
        List<double[]> lyricsRows = new ArrayList<>();
        int width = 0;
        for (int i = 0; i < ids.size(); i++) {
            if (lyrics[i] != null) {
                withLyrics.add(ids.get(i));
                lyricsRows.add(lyrics[i]);
                width = lyrics[i].length;
            }
        }
        if (withLyrics.size() < MIN_SONGS) {
            return out;
        }
        out.add(new Representation(LYRICS, MODEL, withLyrics, lyricsRows.toArray(double[][]::new)));
        double[][] lyricsBlock = new double[ids.size()][];
        for (int i = 0; i < ids.size(); i++) {
            lyricsBlock[i] = lyrics[i] != null && lyrics[i].length == width ? lyrics[i] : new double[width];
        }
        out.add(new Representation(SUMMARY_AND_LYRICS, MODEL, ids, concatenate(standardised, Standardisation.apply(lyricsBlock))));
        return out;
    }

    private static double[][] concatenate(double[][] audio, double[][] lyrics) {
        int a = audio[0].length;
        int l = lyrics[0].length;
        double audioScale = 1 / Math.sqrt(a);
        double lyricsScale = 1 / Math.sqrt(l);
        double[][] out = new double[audio.length][a + l];
        for (int i = 0; i < audio.length; i++) {
            for (int j = 0; j < a; j++) {
                out[i][j] = audio[i][j] * audioScale;
            }
            for (int j = 0; j < l; j++) {
                out[i][a + j] = lyrics[i][j] * lyricsScale;
            }
        }
        return out;
    }
}
