package dev.musicluster.gateway.api;

import dev.musicluster.contracts.events.SongIngested;
import dev.musicluster.contracts.events.TrackDetails;
import dev.musicluster.gateway.domain.Song;
import dev.musicluster.gateway.domain.SongTags;
import dev.musicluster.gateway.domain.StageStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A song as the API shows it.
 *
 * @param tags    the musicnn tags it most likely has, most likely first (what the networks hear; not labels)
 * @param source  where its file lies in the library, relative to the library's root; null when not given
 * @param details album, track, year and recording id, as its file's tags say; null when none is known
 */
public record SongView(String id, String title, String artist, String audioKey, String audioFormat, boolean hasLyrics,
                       Map<String, String> labels, List<String> tags, String status, Map<String, StageStatus> stages,
                       Instant ingestedAt, String source, TrackDetails details, String audioSha256, String revision) {

    static SongView of(Song song, SongTags tags) {
        SongIngested ingested = song.ingested();
        Map<String, StageStatus> stages = new LinkedHashMap<>();
        song.stages().forEach((stage, status) -> stages.put(stage.label(), status));
        return new SongView(song.id(), ingested.title(), ingested.artist(), ingested.audioKey(), ingested.audioFormat(),
                ingested.hasLyrics(), ingested.labels(), tags.of(song.id()), song.summary(), stages, ingested.ingestedAt(), ingested.source(),
                ingested.details(), ingested.audioSha256(), ingested.revision());
    }
}
