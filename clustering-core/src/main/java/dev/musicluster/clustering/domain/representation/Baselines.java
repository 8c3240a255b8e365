package dev.musicluster.clustering.domain.representation;

import dev.musicluster.contracts.events.AudioFeaturesExtracted.Musicnn;
import dev.musicluster.contracts.vector.Standardisation;
import java.util.ArrayList;
import java.util.List;

/**
 * The representations every trained model is compared with, built from what the feature and embedding services
 * publish: the standardised summary vector; its first 32 principal components (the classic PCA + K-Means
 * pipeline); musicnn's embeddings (both, and each network's apart) and its tag probabilities, each standardised; the
 * lyrics embeddings alone (songs with lyrics only); and audio + lyrics (summary or musicnn), each block standardised
 * and scaled by 1/√(its width) so that both weigh alike whatever their dimensions (songs without lyrics get a zero
 * lyrics block).
 */
public final class Baselines {

    public static final String MODEL = "baseline";
    public static final String SUMMARY = "summary";
    public static final String PCA_SUMMARY = "pca32-summary";
    public static final String LYRICS = "lyrics";
    public static final String SUMMARY_AND_LYRICS = "summary+lyrics";
    public static final String MUSICNN = "musicnn";
    public static final String MUSICNN_MSD = "musicnn-msd";
    public static final String MUSICNN_MTT = "musicnn-mtt";
    public static final String MUSICNN_TAGS = "musicnn-tags";
    public static final String MUSICNN_AND_LYRICS = "musicnn+lyrics";
    private static final int PCA_COMPONENTS = 32;
    /** Fewer songs than this with lyrics and the lyrics baselines are left out. */
    private static final int MIN_SONGS = 3;

    private Baselines() {
    }

    /** musicnn's part of the baselines: null when some song lacks its musicnn representation. */
    public record Pretrained(double[][] embedding, double[][] tags, boolean withWholeEmbedding) {
    }

    /**
     * @param summary one summary vector per song
     * @param lyrics  one lyrics embedding per song, null where a song has no lyrics
     * @param musicnn the songs' musicnn embeddings and tags, or null; the 400-value embedding as a baseline of its own
     *                only when the model being compared is not musicnn itself
     */
    public static List<Representation> of(List<String> ids, double[][] summary, double[][] lyrics, Pretrained musicnn) {
        List<Representation> out = new ArrayList<>();
        double[][] musicnnStandardised = null;
        if (musicnn != null) {
            musicnnStandardised = Standardisation.apply(musicnn.embedding());
            if (musicnn.withWholeEmbedding()) {
                out.add(new Representation(MUSICNN, MODEL, ids, musicnnStandardised));
            }
            // The two networks apart: the MSD one may have heard songs-en-de's tracks in training, MTT's has not.
            out.add(new Representation(MUSICNN_MSD, MODEL, ids, Standardisation.apply(columns(musicnn.embedding(), 0, Musicnn.NETWORK_EMBEDDING))));
            out.add(new Representation(MUSICNN_MTT, MODEL, ids, Standardisation.apply(columns(musicnn.embedding(), Musicnn.NETWORK_EMBEDDING, Musicnn.EMBEDDING))));
            out.add(new Representation(MUSICNN_TAGS, MODEL, ids, Standardisation.apply(musicnn.tags())));
        }
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
        double[][] lyricsStandardised = Standardisation.apply(lyricsBlock);
        out.add(new Representation(SUMMARY_AND_LYRICS, MODEL, ids, concatenate(standardised, lyricsStandardised)));
        if (musicnnStandardised != null) {
            out.add(new Representation(MUSICNN_AND_LYRICS, MODEL, ids, concatenate(musicnnStandardised, lyricsStandardised)));
        }
        return out;
    }

    private static double[][] columns(double[][] rows, int from, int to) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = java.util.Arrays.copyOfRange(rows[i], from, to);
        }
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
