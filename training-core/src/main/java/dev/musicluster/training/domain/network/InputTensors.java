package dev.musicluster.training.domain.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.musicluster.training.domain.data.ScaledInputs;

/**
 * A whole scaled data set moved to the device once, as the network's inputs for every song; batches are gathered
 * from it by row index on the device, so no batch is ever assembled song by song.
 */
final class InputTensors {

    private final NDList all;
    private final int songs;

    InputTensors(NetworkShape shape, ScaledInputs inputs, NDManager manager) {
        songs = inputs.songs();
        Shape[] shapes = shape.inputShapes(songs);
        all = new NDList();
        all.add(manager.create(shape.spec().input().usesLogMel() ? inputs.logMel() : inputs.summary(), shapes[0]));
        int next = 1;
        if (shape.spec().input().usesLyrics()) {
            all.add(manager.create(inputs.lyrics(), shapes[next++]));
            all.add(manager.create(inputs.lyricsMask(), shapes[next++]));
        }
        if (shape.spec().conditional()) {
            all.add(manager.create(inputs.condition(), shapes[next]));
        }
    }

    int songs() {
        return songs;
    }

    /** The inputs of the given songs, attached to {@code manager} (and freed with it). */
    NDList rows(long[] rows, NDManager manager) {
        NDArray index = manager.create(rows);
        NDList batch = new NDList(all.size());
        for (NDArray part : all) {
            batch.add(part.get(new NDIndex("{}", index)));
        }
        batch.attach(manager);
        return batch;
    }

    /** The inputs of songs {@code from} (inclusive) to {@code to} (exclusive), attached to {@code manager}. */
    NDList range(int from, int to, NDManager manager) {
        NDList batch = new NDList(all.size());
        for (NDArray part : all) {
            batch.add(part.get(from + ":" + to));
        }
        batch.attach(manager);
        return batch;
    }
}
