package dev.musicluster.gateway.listening;

import static dev.musicluster.gateway.listening.ListeningFixtures.song;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DuplicatesTest {

    @Test
    void theSameRecordingTwiceIsFoundAndAnEditOfItIsNot() {
        List<SongPoint> songs = List.of(
                song("original", "a", 240.0, 1, 0, 0),
                song("reencoded", "a", 240.4, 0.999f, 0.02f, 0),
                song("radio-edit", "a", 200.0, 1, 0.01f, 0),
                song("other", "b", 240.2, 0, 1, 0),
                song("long-mix", "a", 600.0, 1, 0, 0),
                song("long-mix-copy", "a", 605.0, 1, 0, 0.001f));
        List<Duplicates.Pair> pairs = Duplicates.find(songs, Duplicates.DEFAULT_MAX_DISTANCE);
        assertThat(pairs).extracting(p -> p.first() + "=" + p.second())
                .as("1 % of 605 s is 6 s, so the 600-s mix and its copy 5 s longer are one recording")
                .containsExactly("long-mix=long-mix-copy", "original=reencoded");
        assertThat(pairs.get(1).distance()).isBetween(0.0, Duplicates.DEFAULT_MAX_DISTANCE);
    }

    @Test
    void durationsAgreeWithin1PercentOr2Seconds() {
        assertThat(Duplicates.sameDuration(30, 32)).isTrue();
        assertThat(Duplicates.sameDuration(30, 32.1)).isFalse();
        assertThat(Duplicates.sameDuration(300, 303)).isTrue();
        assertThat(Duplicates.sameDuration(300, 304)).isFalse();
    }

    @Test
    void aLargeLibraryOfOneDurationFindsItsDuplicatesThroughTheHash() {
        // 30-s previews: one duration, so the exact scan would compare every pair; grouped directions, as music has.
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        float[][] centres = new float[12][64];
        for (float[] centre : centres) {
            for (int d = 0; d < centre.length; d++) {
                centre[d] = (float) random.nextGaussian();
            }
        }
        List<SongPoint> songs = new java.util.ArrayList<>();
        java.util.Set<String> planted = new java.util.TreeSet<>();
        for (int i = 0; songs.size() < 2 * Duplicates.EXACT_UP_TO; i++) {
            float[] vector = centres[i % centres.length].clone();
            for (int d = 0; d < vector.length; d++) {
                vector[d] += (float) (0.9 * random.nextGaussian());
            }
            songs.add(SongPoint.of("s" + i, null, "a", 30, null, vector));
            if (i % 200 == 0) {
                // a re-encoding: the same direction but for a little noise, cosine distance 0.0005 to 0.02
                double spread = 0.02 + 0.12 * random.nextDouble();
                float[] copy = vector.clone();
                for (int d = 0; d < copy.length; d++) {
                    copy[d] += (float) (spread * norm(vector) / Math.sqrt(copy.length) * random.nextGaussian());
                }
                songs.add(SongPoint.of("s" + i + "-copy", null, "a", 30.5, null, copy));
                planted.add("s" + i + "=s" + i + "-copy");
            }
        }
        List<Duplicates.Pair> pairs = Duplicates.find(songs, Duplicates.DEFAULT_MAX_DISTANCE);
        assertThat(pairs).allSatisfy(p -> assertThat(p.distance()).isLessThanOrEqualTo(0.02));
        assertThat(pairs).extracting(p -> p.first() + "=" + p.second()).containsExactlyInAnyOrderElementsOf(planted);
    }

    private static double norm(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += v * v;
        }
        return Math.sqrt(sum);
    }
}
