package dev.musicluster.training.domain.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The songs of a run as whole row-major arrays (one row per song), so that batches are gathered from them in bulk
 * rather than assembled sample by sample. Parts a run does not need may be empty (width 0).
 *
 * @param ids         song ids, one per row
 * @param summary     summary vectors, {@code summaryWidth} per song
 * @param logMel      log-mel spectrograms pooled to {@code mels × frames} per song (row-major, mel-major)
 * @param lyrics      lyrics embeddings, {@code lyricsWidth} per song; zeros where a song has none
 * @param lyricsMask  1 where a song has lyrics, else 0
 * @param conditions  the categorical condition per song (null where the song lacks the column), or empty
 */
public record TrainingSet(List<String> ids, float[] summary, int summaryWidth, float[] logMel, int mels, int frames,
                          float[] lyrics, int lyricsWidth, float[] lyricsMask, List<String> conditions) {

    public TrainingSet {
        ids = List.copyOf(ids);
        int n = ids.size();
        check(summary.length == n * summaryWidth, "summary");
        check(logMel.length == n * mels * frames, "log-mel");
        check(lyrics.length == n * lyricsWidth, "lyrics");
        check(lyricsMask.length == (lyricsWidth == 0 ? 0 : n), "lyrics mask");
        check(conditions.isEmpty() || conditions.size() == n, "conditions");
        conditions = conditions.stream().map(c -> c == null ? "" : c).toList();
    }

    public int size() {
        return ids.size();
    }

    public boolean hasLyrics() {
        return lyricsWidth > 0;
    }

    public int songsWithLyrics() {
        int count = 0;
        for (float m : lyricsMask) {
            count += m > 0 ? 1 : 0;
        }
        return count;
    }

    public float[] logMelOf(int row) {
        int width = mels * frames;
        return Arrays.copyOfRange(logMel, row * width, (row + 1) * width);
    }

    /** The rows at the given positions, every part with them: a held-back split, a single new song. */
    public TrainingSet select(int[] rows) {
        return new TrainingSet(Arrays.stream(rows).mapToObj(ids::get).toList(),
                gather(summary, summaryWidth, rows), summaryWidth,
                gather(logMel, mels * frames, rows), mels, frames,
                gather(lyrics, lyricsWidth, rows), lyricsWidth,
                lyricsWidth == 0 ? new float[0] : gather(lyricsMask, 1, rows),
                conditions.isEmpty() ? List.of() : Arrays.stream(rows).mapToObj(conditions::get).toList());
    }

    static float[] gather(float[] data, int width, int[] rows) {
        float[] out = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(data, rows[i] * width, out, i * width, width);
        }
        return out;
    }

    private static void check(boolean ok, String part) {
        if (!ok) {
            throw new IllegalArgumentException("training set " + part + " does not match its shape");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingSet t && ids.equals(t.ids) && Arrays.equals(summary, t.summary)
                && Arrays.equals(logMel, t.logMel) && Arrays.equals(lyrics, t.lyrics)
                && Arrays.equals(lyricsMask, t.lyricsMask) && conditions.equals(t.conditions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ids, Arrays.hashCode(summary), mels, frames, lyricsWidth);
    }

    @Override
    public String toString() {
        return "TrainingSet[" + size() + " songs, summary " + summaryWidth + ", log-mel " + mels + "x" + frames
                + ", lyrics " + lyricsWidth + "]";
    }
}
