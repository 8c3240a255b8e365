package dev.musicluster.library;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;
import org.jaudiotagger.tag.reference.GenreTypes;

/**
 * The tags inside an audio file, as a library's owner wrote them: ID3v1 and ID3v2 in MP3 (and WAV, AIFF), Vorbis
 * comments in Ogg and FLAC, MP4 atoms in M4A, read by jaudiotagger (the one tag library every Java music tool uses;
 * unlike ffprobe's format tags it reads Ogg's comments, which live in the stream). Absent fields are null; a file
 * without tags, or of a container without any (AU, raw AAC), has {@link #NONE}.
 *
 * @param genre                  the genre as text: ID3's numeric genres ("(17)", "17") become their names
 * @param musicBrainzRecordingId MusicBrainz's recording id (jaudiotagger's MUSICBRAINZ_TRACK_ID)
 * @param lyrics                 unsynchronised lyrics (ID3's USLT, Vorbis' LYRICS, MP4's ©lyr)
 */
public record AudioTags(String title, String artist, String album, String albumArtist, String track, String year, String genre,
                        String musicBrainzRecordingId, String lyrics) {

    public static final AudioTags NONE = new AudioTags(null, null, null, null, null, null, null, null, null);
    private static final Pattern NUMERIC_GENRE = Pattern.compile("^\\(?(\\d{1,3})\\)?$");
    /** The tags of a file whose container was recognised by its bytes (its name may say otherwise). */
    public static AudioTags read(Path file, AudioContainer container) throws TagsUnreadable {
        try {
            Optional<AudioFile> audio = Jaudiotagger.read(file, container);
            if (audio.isEmpty()) {
                return NONE;
            }
            Tag tag = audio.get().getTag();
            if (tag == null) {
                return NONE;
            }
            return new AudioTags(field(tag, FieldKey.TITLE), field(tag, FieldKey.ARTIST), field(tag, FieldKey.ALBUM),
                    field(tag, FieldKey.ALBUM_ARTIST), field(tag, FieldKey.TRACK), field(tag, FieldKey.YEAR),
                    genre(field(tag, FieldKey.GENRE)), field(tag, FieldKey.MUSICBRAINZ_TRACK_ID), field(tag, FieldKey.LYRICS));
        } catch (Exception e) {
            // jaudiotagger signals a damaged file with any of six checked exceptions and several unchecked ones.
            throw new TagsUnreadable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        }
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    private static String field(Tag tag, FieldKey key) {
        try {
            String value = tag.getFirst(key);
            return value == null || value.isBlank() ? null : value.strip();
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            // A tag format without this field (ID3v1 has no album artist).
            return null;
        }
    }

    static String genre(String raw) {
        if (raw == null) {
            return null;
        }
        Matcher numeric = NUMERIC_GENRE.matcher(raw);
        if (numeric.matches()) {
            String name = GenreTypes.getInstanceOf().getValueForId(Integer.parseInt(numeric.group(1)));
            return name == null ? raw : name;
        }
        return raw;
    }

    /** A file whose tags cannot be read: damaged, or not what its bytes first looked like. */
    public static final class TagsUnreadable extends Exception {
        public TagsUnreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
