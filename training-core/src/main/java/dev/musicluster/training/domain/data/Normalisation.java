package dev.musicluster.training.domain.data;

import java.util.List;

/**
 * Everything fitted on the training data that a model needs to read a song the way it was trained: the scalers of
 * each input and the condition's categories (in one-hot order). Stored with the model.
 *
 * @param summary         scaler of the summary vector's columns
 * @param logMel          scaler per mel band (null when the model does not read the spectrogram)
 * @param lyrics          scaler of the lyrics embedding as one block (its designed geometry kept), fitted on songs
 *                        with lyrics (null when unused)
 * @param conditionLevels the condition's categories, sorted; empty for unconditioned models
 */
public record Normalisation(FeatureScaler summary, FeatureScaler logMel, FeatureScaler lyrics, List<String> conditionLevels) {

    public Normalisation {
        conditionLevels = conditionLevels == null ? List.of() : List.copyOf(conditionLevels);
    }

    public static Normalisation fit(TrainingSet set, boolean withLogMel, boolean withLyrics, boolean withCondition) {
        FeatureScaler summary = FeatureScaler.fitColumns(set.summary(), set.summaryWidth(), null);
        FeatureScaler logMel = withLogMel ? FeatureScaler.fitBands(set.logMel(), set.mels(), set.frames()) : null;
        FeatureScaler lyrics = withLyrics ? FeatureScaler.fitBlock(set.lyrics(), set.lyricsWidth(), set.lyricsMask()) : null;
        List<String> levels = withCondition
                ? set.conditions().stream().filter(c -> !c.isEmpty()).distinct().sorted().toList()
                : List.of();
        if (withCondition && levels.size() < 2) {
            throw new IllegalArgumentException("the condition needs at least 2 categories among the songs, found " + levels);
        }
        return new Normalisation(summary, logMel, lyrics, levels);
    }

    /** The set scaled, with the condition as one-hot rows (all zeros for a category the model never saw). */
    public ScaledInputs scale(TrainingSet set) {
        float[] oneHot = new float[set.size() * conditionLevels.size()];
        for (int i = 0; i < set.size() && !conditionLevels.isEmpty(); i++) {
            int level = conditionLevels.indexOf(set.conditions().get(i));
            if (level >= 0) {
                oneHot[i * conditionLevels.size() + level] = 1f;
            }
        }
        return new ScaledInputs(set.size(),
                summary.apply(set.summary(), 1), set.summaryWidth(),
                logMel == null ? new float[0] : logMel.apply(set.logMel(), set.frames()), set.mels(), set.frames(),
                lyrics == null ? new float[0] : masked(lyrics.apply(set.lyrics(), 1), set.lyricsMask(), set.lyricsWidth()),
                set.lyricsWidth(), lyrics == null ? new float[0] : set.lyricsMask(),
                oneHot, conditionLevels.size());
    }

    private static float[] masked(float[] rows, float[] mask, int width) {
        for (int i = 0; i < rows.length; i++) {
            rows[i] *= mask[i / width];
        }
        return rows;
    }
}
