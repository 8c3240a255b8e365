package dev.musicluster.contracts.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which songs a run leaves out: those whose label has one of the given values (talk, a DJ set), or whose track is
 * shorter or longer than given. The user's selection, not clustering: the labels only decide which songs take part
 * and never enter a representation; every run records its selection in its provenance.
 *
 * @param excludeLabels label column → values whose songs are left out (compared case-insensitively, trimmed)
 * @param minSeconds    songs shorter than this are left out; null for no minimum
 * @param maxSeconds    songs longer than this are left out; null for no maximum
 */
public record SongSelection(Map<String, List<String>> excludeLabels, Double minSeconds, Double maxSeconds) {

    public static final SongSelection ALL = new SongSelection(Map.of(), null, null);

    public SongSelection {
        Map<String, List<String>> copy = new TreeMap<>();
        if (excludeLabels != null) {
            excludeLabels.forEach((column, values) -> {
                if (column == null || column.isBlank() || values == null || values.isEmpty()) {
                    throw new IllegalArgumentException("an exclusion names a label column and at least one value");
                }
                copy.put(column.strip(), values.stream().map(SongSelection::normalised).distinct().sorted().toList());
            });
        }
        // Sorted, so that the provenance lists the columns in one order on every run (Map.copyOf's order is not fixed).
        excludeLabels = Collections.unmodifiableMap(copy);
        if (minSeconds != null && !(minSeconds >= 0)) {
            throw new IllegalArgumentException("minSeconds must be a duration of 0 s or more, not " + minSeconds);
        }
        if (maxSeconds != null && !(maxSeconds > 0)) {
            throw new IllegalArgumentException("maxSeconds must be a positive duration, not " + maxSeconds);
        }
        if (minSeconds != null && maxSeconds != null && minSeconds > maxSeconds) {
            throw new IllegalArgumentException("minSeconds " + minSeconds + " is over maxSeconds " + maxSeconds + ": no song could take part");
        }
    }

    public boolean isAll() {
        return excludeLabels.isEmpty() && minSeconds == null && maxSeconds == null;
    }

    /** Whether a song with these labels and this track length takes part (an unknown length passes the duration bounds). */
    public boolean keeps(Map<String, String> labels, double seconds) {
        for (Map.Entry<String, List<String>> exclusion : excludeLabels.entrySet()) {
            String value = labels.get(exclusion.getKey());
            if (value != null && exclusion.getValue().contains(normalised(value))) {
                return false;
            }
        }
        if (Double.isFinite(seconds)) {
            return (minSeconds == null || seconds >= minSeconds) && (maxSeconds == null || seconds <= maxSeconds);
        }
        return true;
    }

    /** The selection as provenance entries ({@code selection.exclude.genre = talk, dj}); empty when it keeps every song. */
    public Map<String, String> provenance() {
        Map<String, String> out = new LinkedHashMap<>();
        excludeLabels.forEach((column, values) -> out.put("selection.exclude." + column, String.join(", ", values)));
        if (minSeconds != null) {
            out.put("selection.min-seconds", minSeconds.toString());
        }
        if (maxSeconds != null) {
            out.put("selection.max-seconds", maxSeconds.toString());
        }
        return out;
    }

    /** Parses {@code column=value} pairs as the CLI and the web UI take them. */
    public static Map<String, List<String>> parseExclusions(List<String> pairs) {
        Map<String, List<String>> out = new TreeMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException("an exclusion is label=value, not '" + pair + "'");
            }
            out.computeIfAbsent(pair.substring(0, eq).strip(), c -> new ArrayList<>()).add(pair.substring(eq + 1).strip());
        }
        return out;
    }

    private static String normalised(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }
}
