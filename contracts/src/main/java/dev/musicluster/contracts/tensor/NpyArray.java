package dev.musicluster.contracts.tensor;

import java.util.Arrays;
import java.util.Objects;

/**
 * A dense float32 tensor in C (row-major) order, as stored in {@code .npy} files.
 *
 * @param shape dimensions, outermost first; an empty shape is a scalar
 * @param data  the elements, {@code product(shape)} of them
 */
public record NpyArray(int[] shape, float[] data) {

    public NpyArray {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(data, "data");
        shape = shape.clone();
        long size = elementCount(shape);
        if (size != data.length) {
            throw new IllegalArgumentException(
                    "shape " + Arrays.toString(shape) + " holds " + size + " elements, data has " + data.length);
        }
    }

    /** A rows × columns matrix from its rows. */
    public static NpyArray ofRows(float[][] rows) {
        int columns = rows.length == 0 ? 0 : rows[0].length;
        float[] data = new float[rows.length * columns];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != columns) {
                throw new IllegalArgumentException("row " + r + " has " + rows[r].length + " columns, not " + columns);
            }
            System.arraycopy(rows[r], 0, data, r * columns, columns);
        }
        return new NpyArray(new int[] {rows.length, columns}, data);
    }

    public int rank() {
        return shape.length;
    }

    public int dim(int axis) {
        return shape[axis];
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** Element [row][column] of a matrix. */
    public float get(int row, int column) {
        if (shape.length != 2) {
            throw new IllegalStateException("get(row, column) needs a matrix, shape is " + Arrays.toString(shape));
        }
        return data[row * shape[1] + column];
    }

    /** The matrix as rows of doubles, the form numerical code (clustering, statistics) works in. */
    public double[][] toDoubleRows() {
        if (shape.length != 2) {
            throw new IllegalStateException("toDoubleRows needs a matrix, shape is " + Arrays.toString(shape));
        }
        double[][] rows = new double[shape[0]][shape[1]];
        for (int r = 0; r < shape[0]; r++) {
            for (int c = 0; c < shape[1]; c++) {
                rows[r][c] = data[r * shape[1] + c];
            }
        }
        return rows;
    }

    static long elementCount(int[] shape) {
        long size = 1;
        for (int dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            }
            size *= dim;
        }
        return size;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NpyArray that && Arrays.equals(shape, that.shape) && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "NpyArray" + Arrays.toString(shape);
    }
}
