package dev.musicluster.gateway.api;

import dev.musicluster.contracts.events.SongIngested;
import dev.musicluster.gateway.domain.Song;
import dev.musicluster.gateway.domain.StageStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A song as the API shows it. */
public record SongView(String id, String title, String artist, String audioKey, String audioFormat, boolean hasLyrics,
                       Map<String, String> labels, String status, Map<String, StageStatus> stages, Instant ingestedAt) {

    static SongView of(Song song) {
        SongIngested ingested = song.ingested();
        Map<String, StageStatus> stages = new LinkedHashMap<>();
        song.stages().forEach((stage, status) -> stages.put(stage.label(), status));
        return new SongView(song.id(), ingested.title(), ingested.artist(), ingested.audioKey(), ingested.audioFormat(),
                ingested.hasLyrics(), ingested.labels(), song.summary(), stages, ingested.ingestedAt());
    }
}
