package dev.musicluster.gateway.listening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DirectionMatrixTest {

    // 401 values: the four running sums' odd value at the end of each row.
    private final SplittableRandom random = new SplittableRandom(3);
    private final List<SongPoint> songs = new ArrayList<>();

    DirectionMatrixTest() {
        for (int s = 0; s < 9; s++) {
            songs.add(SongPoint.of("s" + s, "t", "a", 100, null, gaussian(401)));
        }
    }

    @Test
    void eachRowMeasuresAsItsSongDoesToTheBit() {
        DirectionMatrix matrix = DirectionMatrix.of(songs);
        float[] query = SongPoint.of("q", "t", "a", 100, null, gaussian(401)).direction();
        double[] distances = new double[matrix.size()];
        matrix.distancesTo(query, distances);
        for (int s = 0; s < songs.size(); s++) {
            assertThat(distances[s]).as("song %d", s).isEqualTo(songs.get(s).distanceTo(query));
        }
        matrix.distancesTo(songs.get(4).direction(), distances);
        assertThat(distances[4]).isCloseTo(0, within(1e-6));
    }

    @Test
    void theMatrixSongsAreTheSameSongsReadingTheirDirectionsFromIt() {
        DirectionMatrix matrix = DirectionMatrix.of(songs);
        assertThat(matrix.songs()).extracting(SongPoint::id).containsExactlyElementsOf(songs.stream().map(SongPoint::id).toList());
        for (int s = 0; s < songs.size(); s++) {
            SongPoint row = matrix.songs().get(s);
            assertThat(row.direction()).containsExactly(songs.get(s).direction());
            assertThat(row.distanceTo(matrix.songs().get(0))).isEqualTo(songs.get(s).distanceTo(songs.get(0)));
        }
        assertThat(DirectionMatrix.of(matrix.songs().subList(3, 6)).songs().get(1).direction())
                .as("a matrix of another's rows").containsExactly(songs.get(4).direction());
    }

    @Test
    void bothDotProductsComeFromOneRead() {
        DirectionMatrix matrix = DirectionMatrix.of(songs);
        float[] a = songs.get(0).direction();
        float[] b = songs.get(8).direction();
        double[] toA = new double[matrix.size()];
        double[] toB = new double[matrix.size()];
        matrix.dotsWith(a, b, toA, toB);
        for (int s = 0; s < songs.size(); s++) {
            assertThat(toA[s]).as("song %d with a", s).isCloseTo(dot(songs.get(s).direction(), a), within(1e-12));
            assertThat(toB[s]).as("song %d with b", s).isCloseTo(dot(songs.get(s).direction(), b), within(1e-12));
        }
        assertThat(toA[0]).isCloseTo(1, within(1e-6));
    }

    @Test
    void songsOfAnotherLengthAreRefused() {
        List<SongPoint> mixed = List.of(songs.get(0), SongPoint.of("short", "t", "a", 100, null, gaussian(32)));
        assertThatThrownBy(() -> DirectionMatrix.of(mixed)).hasMessageContaining("song short has 32 values where the others have 401");
        assertThatThrownBy(() -> DirectionMatrix.of(songs).distancesTo(new float[32], new double[songs.size()]))
                .hasMessageContaining("32 values in a space of 401");
    }

    private static double dot(float[] x, float[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += (double) x[i] * y[i];
        }
        return sum;
    }

    private float[] gaussian(int length) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }
}
