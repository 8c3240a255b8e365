package dev.musicluster.contracts.events;

/**
 * What a file's tags say of a song beyond its title and artist: where it was released and which recording it is.
 * Every field may be null.
 *
 * @param musicBrainzRecordingId the MusicBrainz recording id, the one identity of a recording across libraries
 */
public record TrackDetails(String album, String albumArtist, String track, String year, String musicBrainzRecordingId) {

    public static final TrackDetails NONE = new TrackDetails(null, null, null, null, null);

    public boolean isEmpty() {
        return equals(NONE);
    }
}
