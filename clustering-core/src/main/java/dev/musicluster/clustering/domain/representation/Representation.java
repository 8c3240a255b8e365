package dev.musicluster.clustering.domain.representation;

import java.util.List;

/**
 * Songs as points in one space: a trained model's latent means or a baseline. Rows follow {@code ids}; a baseline
 * that not every song has (lyrics) holds only the songs that have it.
 *
 * @param name  what the space is: a model's name or a baseline's
 * @param model the model it comes from, or {@code baseline}
 */
public record Representation(String name, String model, List<String> ids, double[][] points) {

    public Representation {
        ids = List.copyOf(ids);
        if (points.length != ids.size()) {
            throw new IllegalArgumentException(name + ": " + points.length + " points for " + ids.size() + " songs");
        }
    }
}
