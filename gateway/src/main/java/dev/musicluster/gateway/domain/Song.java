package dev.musicluster.gateway.domain;

import dev.musicluster.contracts.events.SongIngested;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** A song as the gateway shows it: what was ingested, and each stage's status. */
public record Song(SongIngested ingested, Map<Stage, StageStatus> stages) {

    public Song {
        EnumMap<Stage, StageStatus> copy = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            copy.put(stage, StageStatus.pending());
        }
        copy.putAll(stages);
        stages = Collections.unmodifiableMap(copy);
    }

    public String id() {
        return ingested.songId();
    }

    public Song with(Stage stage, StageStatus status) {
        EnumMap<Stage, StageStatus> copy = new EnumMap<>(stages);
        copy.put(stage, status);
        return new Song(ingested, copy);
    }

    /** The furthest stage done, or the first failed one: a one-word summary for lists. */
    public String summary() {
        String summary = "pending";
        for (Stage stage : Stage.values()) {
            StageStatus status = stages.get(stage);
            if (status.state() == StageStatus.State.FAILED) {
                return stage.label() + " failed";
            }
            if (status.state() == StageStatus.State.DONE) {
                summary = stage.label();
            }
        }
        return summary;
    }
}
