package dev.musicluster.training.domain.network;

import ai.djl.ndarray.types.Shape;
import dev.musicluster.training.domain.model.ModelSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A network's dimensions: which inputs it reads and how wide they are. With the {@link ModelSpec} it is all that is
 * needed to rebuild the network before loading its parameters.
 */
public record NetworkShape(ModelSpec spec, int summaryWidth, int mels, int frames, int lyricsWidth, int conditionWidth) {

    public NetworkShape {
        if (spec.input().usesLogMel() && (mels % 16 != 0 || frames % 16 != 0 || mels == 0 || frames == 0)) {
            throw new IllegalArgumentException("the convolutional encoder needs mels and frames that are multiples of 16, not "
                    + mels + " x " + frames);
        }
        if (spec.input().usesLyrics() && lyricsWidth == 0) {
            throw new IllegalArgumentException("hybrid-vae needs lyrics embeddings, and no song has any");
        }
        if (spec.conditional() && conditionWidth < 2) {
            throw new IllegalArgumentException("a conditional model needs at least two categories");
        }
    }

    /** The shapes of the network's inputs for a batch, in the order {@link VaeNetwork} reads them. */
    public Shape[] inputShapes(long batch) {
        List<Shape> shapes = new ArrayList<>();
        shapes.add(spec.input().usesLogMel() ? new Shape(batch, 1, mels, frames) : new Shape(batch, summaryWidth));
        if (spec.input().usesLyrics()) {
            shapes.add(new Shape(batch, lyricsWidth));
            shapes.add(new Shape(batch, 1));
        }
        if (spec.conditional()) {
            shapes.add(new Shape(batch, conditionWidth));
        }
        return shapes.toArray(Shape[]::new);
    }

    /** Values per song of the audio input. */
    public int audioWidth() {
        return spec.input().usesLogMel() ? mels * frames : summaryWidth;
    }
}
