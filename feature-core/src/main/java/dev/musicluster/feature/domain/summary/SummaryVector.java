package dev.musicluster.feature.domain.summary;

import java.util.ArrayList;
import java.util.List;

/** A named, fixed-length description of a whole song. Column order is stable; docs/features.md lists it. */
public record SummaryVector(List<String> names, float[] values) {

    public SummaryVector {
        names = List.copyOf(names);
        if (names.size() != values.length) {
            throw new IllegalArgumentException(names.size() + " names for " + values.length + " values");
        }
    }

    public float value(String name) {
        int index = names.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no summary column " + name);
        }
        return values[index];
    }

    static final class Builder {
        private final List<String> names = new ArrayList<>();
        private final List<Double> values = new ArrayList<>();

        Builder add(String name, double value) {
            names.add(name);
            values.add(value);
            return this;
        }

        SummaryVector build() {
            float[] array = new float[values.size()];
            for (int i = 0; i < array.length; i++) {
                array[i] = values.get(i).floatValue();
            }
            return new SummaryVector(names, array);
        }
    }
}
