package dev.musicluster.gateway.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where a library stands, for its owner: how many songs are analysed (features and lyrics done), still pending, failed
 * (with the stage and the reason of each) and removed, and how many are done at each stage.
 *
 * @param system   this system's identity: a library index kept for another system (or one whose store was emptied) is
 *                 not this one's
 * @param analysed songs whose audio and lyrics are both analysed
 * @param pending  songs with a stage still to come and none failed
 * @param removed  songs removed since this gateway started
 */
public record LibraryState(String system, int songs, int analysed, int pending, int clustered, long removed, Map<Stage, Integer> done,
                           List<Failure> failed) {

    /** A song a stage could not take, and why. */
    public record Failure(String songId, String source, String stage, String reason) {
    }

    public static LibraryState of(String system, SongCatalog catalog) {
        int analysed = 0;
        int pending = 0;
        int clustered = 0;
        Map<Stage, Integer> done = new EnumMap<>(Stage.class);
        List<Failure> failed = new ArrayList<>();
        List<Song> songs = catalog.all();
        for (Song song : songs) {
            Failure failure = null;
            for (Stage stage : Stage.values()) {
                StageStatus status = song.stages().get(stage);
                if (status.state() == StageStatus.State.DONE) {
                    done.merge(stage, 1, Integer::sum);
                } else if (status.state() == StageStatus.State.FAILED && failure == null) {
                    failure = new Failure(song.id(), song.ingested().source(), stage.label(), status.detail());
                }
            }
            boolean featuresDone = song.stages().get(Stage.FEATURES).state() == StageStatus.State.DONE;
            boolean lyricsDone = song.stages().get(Stage.LYRICS).state() == StageStatus.State.DONE;
            if (failure != null) {
                failed.add(failure);
            } else if (featuresDone && lyricsDone) {
                analysed++;
            } else {
                pending++;
            }
            if (song.stages().get(Stage.CLUSTER).state() == StageStatus.State.DONE) {
                clustered++;
            }
        }
        return new LibraryState(system, songs.size(), analysed, pending, clustered, catalog.removals(), done, failed);
    }
}
