package dev.musicluster.training.domain.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The songs a model trains on when the library is larger than its training set may be: a uniform sample drawn with
 * the run's seed (the same songs for every model of the run, and for the same library and seed), in the library's
 * order. Up to the limit, every song. Drawn from a sample with a lower limit, it gives a sample of that sample.
 */
public final class TrainingSample {

    private TrainingSample() {
    }

    public static List<String> draw(List<String> ids, int limit, long seed) {
        if (limit < 1) {
            throw new IllegalArgumentException("a model trains on at least 1 song, not " + limit);
        }
        if (ids.size() <= limit) {
            return ids;
        }
        List<Integer> order = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        List<Integer> chosen = new ArrayList<>(order.subList(0, limit));
        Collections.sort(chosen);
        return chosen.stream().map(ids::get).toList();
    }
}
