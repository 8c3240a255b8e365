package dev.musicluster.contracts.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Fixtures were written by numpy itself: see src/test/resources/npy/make_fixtures.py. */
class NpyFormatTest {

    @Test
    void readsNumpyMatrixAndWritesTheIdenticalBytes() throws IOException {
        byte[] numpyBytes = fixture("matrix_3x4_f4.npy");
        NpyArray array = NpyFormat.fromBytes(numpyBytes);

        assertThat(array.shape()).containsExactly(3, 4);
        assertThat(array.get(0, 0)).isEqualTo(-5.5f / 4);
        assertThat(array.get(2, 3)).isEqualTo((11 - 5.5f) / 4);
        assertThat(NpyFormat.toBytes(array)).isEqualTo(numpyBytes);
    }

    @Test
    void logMelSizedFileRoundTripsByteForByte() throws IOException {
        byte[] numpyBytes = fixture("logmel_128x130_f4.npy");
        NpyArray array = NpyFormat.fromBytes(numpyBytes);

        assertThat(array.shape()).containsExactly(128, 130);
        assertThat(NpyFormat.toBytes(array)).isEqualTo(numpyBytes);
    }

    @Test
    void headerIsAlignedTo64BytesLikeNumpy() {
        for (int[] shape : new int[][] {{}, {1}, {7}, {128, 1292}, {99999, 32}, {2, 3, 4, 5}}) {
            byte[] header = NpyFormat.header(shape);
            assertThat(header.length % 64).as(Arrays.toString(shape)).isZero();
            assertThat(header[header.length - 1]).isEqualTo((byte) '\n');
        }
    }

    @Test
    void convertsFloat64AndBigEndianToFloat32() throws IOException {
        NpyArray vector = NpyFormat.fromBytes(fixture("vector_5_f8.npy"));
        assertThat(vector.shape()).containsExactly(5);
        assertThat(vector.data()).containsExactly(0.1f, -2.5f, 3e-8f, 1e6f, (float) Math.PI);

        NpyArray bigEndian = NpyFormat.fromBytes(fixture("matrix_2x2_big_endian.npy"));
        assertThat(bigEndian.data()).containsExactly(1.5f, -2.0f, 0.25f, 8.0f);
    }

    @Test
    void scalarAndEmptyShapesRoundTrip() throws IOException {
        byte[] scalarBytes = fixture("scalar_f4.npy");
        NpyArray scalar = NpyFormat.fromBytes(scalarBytes);
        assertThat(scalar.shape()).isEmpty();
        assertThat(scalar.data()).containsExactly(42.0f);
        assertThat(NpyFormat.toBytes(scalar)).isEqualTo(scalarBytes);

        byte[] emptyBytes = fixture("empty_0x3_f4.npy");
        NpyArray empty = NpyFormat.fromBytes(emptyBytes);
        assertThat(empty.shape()).containsExactly(0, 3);
        assertThat(NpyFormat.toBytes(empty)).isEqualTo(emptyBytes);
    }

    @Test
    void randomMatrixRoundTrips() {
        Random random = new Random(1);
        float[] data = new float[50 * 33];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextGaussian();
        }
        NpyArray original = new NpyArray(new int[] {50, 33}, data);
        assertThat(NpyFormat.fromBytes(NpyFormat.toBytes(original))).isEqualTo(original);
    }

    @Test
    void matrixRowsComeOutAsDoubles() {
        double[][] rows = new NpyArray(new int[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6.5f}).toDoubleRows();
        assertThat(rows[0]).containsExactly(1, 2, 3);
        assertThat(rows[1]).containsExactly(4, 5, 6.5);
    }

    @Test
    void rejectsTruncatedAndForeignFiles() throws IOException {
        byte[] good = fixture("matrix_3x4_f4.npy");
        assertThatThrownBy(() -> NpyFormat.fromBytes(Arrays.copyOf(good, good.length - 5)))
                .hasMessageContaining("truncated");
        assertThatThrownBy(() -> NpyFormat.fromBytes("RIFF....WAVE".getBytes()))
                .hasMessageContaining("bad magic");
        assertThatThrownBy(() -> new NpyArray(new int[] {2, 2}, new float[3]))
                .hasMessageContaining("holds 4 elements");
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = NpyFormatTest.class.getResourceAsStream("/npy/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
