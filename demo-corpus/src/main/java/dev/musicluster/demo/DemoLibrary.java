package dev.musicluster.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;

/**
 * A music library as people keep one, made from the demo corpus's songs: {@code Artist/Album/NN Title.ext}, artists and
 * titles in several scripts, MP3, FLAC, Ogg Vorbis and M4A encoded by ffmpeg, tagged the way a tagger writes tags
 * (title, artist, album, album artist, track, year, genre, MusicBrainz recording id, lyrics), and the files a real
 * library also holds: one without tags, a cover image, a text file, a damaged file, and one recording encoded twice.
 * Deterministic for the same arguments, but for the encoders' own headers.
 */
public final class DemoLibrary {

    /** An artist of the library: its style, name and album, each in its own script. */
    private record Artist(Style style, String name, String album, String language) {
    }

    private static final List<Artist> ARTISTS = List.of(
            new Artist(Style.BALLAD, "Ensemble Aurore", "Pièces du matin", "es"),
            new Artist(Style.ELECTRONIC, "সুরের দল", "নদীর গান", "bn"),
            new Artist(Style.ROCK, "東京バンド", "雨の日", "ja"),
            new Artist(Style.FOLK, "Хор Севера", "Зимние песни", "en"),
            new Artist(Style.JAZZ, "한강 밴드", "밤의 노래", "ko"));
    private static final List<String> FORMATS = List.of("mp3", "flac", "ogg", "m4a");
    /** jaudiotagger reports every odd frame at WARNING through java.util.logging; kept referenced so the level holds. */
    private static final Logger TAGGER_LOG = Logger.getLogger("org.jaudiotagger");

    static {
        TAGGER_LOG.setLevel(Level.OFF);
    }

    /** One tagged track of the library. */
    public record Track(String relative, Style style, long seed, String title, String artist, String album, int number, String genre,
                        String musicBrainzRecordingId, String lyrics) {
    }

    /** The files the library holds that are not tagged tracks of their own, by the relative path they get. */
    public static final String UNTAGGED = "Unsorted/track 7.mp3";
    public static final String TEXT = "notes.txt";
    public static final String COVER = "Ensemble Aurore/Pièces du matin/cover.jpg";
    public static final String DAMAGED = "Unsorted/damaged.mp3";
    /** One recording, encoded twice: the duplicates a library collects. */
    public static final String SAME_RECORDING_FLAC = "Ensemble Aurore/Pièces du matin (deluxe)/01 Matin 1.flac";

    private DemoLibrary() {
    }

    /** The tagged tracks: {@code tracksPerArtist} for each of five artists, formats in turn. */
    public static List<Track> plan(int tracksPerArtist) {
        List<Track> tracks = new ArrayList<>();
        int next = 0;
        for (Artist artist : ARTISTS) {
            List<String> passages = PublicDomainLyrics.passages(artist.language());
            for (int n = 1; n <= tracksPerArtist; n++) {
                String format = FORMATS.get(next++ % FORMATS.size());
                String title = titleWord(artist.style()) + " " + n;
                long seed = 1000L * (artist.style().ordinal() + 1) + n;
                String mbid = UUID.nameUUIDFromBytes(("demo-library/" + seed).getBytes(StandardCharsets.UTF_8)).toString();
                String relative = artist.name() + "/" + artist.album() + "/" + String.format(Locale.ROOT, "%02d %s.%s", n, title, format);
                tracks.add(new Track(relative, artist.style(), seed, title, artist.name(), artist.album(), n,
                        capitalise(artist.style().label()), mbid, passages.get((n - 1) % passages.size())));
            }
        }
        return tracks;
    }

    /** Writes the library under {@code root}: every track of {@link #plan}, and the odd files beside them. */
    public static List<Track> generate(Path root, int tracksPerArtist, double seconds, String ffmpeg) throws IOException {
        List<Track> tracks = plan(tracksPerArtist);
        Path scratch = Files.createTempDirectory("demo-library");
        try {
            for (Track track : tracks) {
                Path wav = scratch.resolve(track.seed() + ".wav");
                DemoCorpus.renderSong(track.style(), track.seed(), seconds, wav);
                Path file = root.resolve(track.relative());
                encode(ffmpeg, wav, file);
                tag(file, track);
            }
            Track first = tracks.get(0);
            Path firstWav = scratch.resolve(first.seed() + ".wav");
            encode(ffmpeg, firstWav, root.resolve(SAME_RECORDING_FLAC));
            tag(root.resolve(SAME_RECORDING_FLAC), first);
            Path untaggedWav = scratch.resolve("untagged.wav");
            DemoCorpus.renderSong(Style.FOLK, 7, seconds, untaggedWav);
            encode(ffmpeg, untaggedWav, root.resolve(UNTAGGED));
            Files.writeString(root.resolve(TEXT), "Bought at the market, 2019.\n", StandardCharsets.UTF_8);
            // A JPEG's first bytes, enough for anything that looks at them.
            Files.write(root.resolve(COVER), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0});
            damage(root.resolve(DAMAGED));
        } finally {
            try (var files = Files.walk(scratch)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return tracks;
    }

    /** An ID3 header over zeros, no MPEG frame in them: what a copy cut short or a disk error leaves behind. */
    public static void damage(Path file) throws IOException {
        byte[] bytes = new byte[64 * 1024];
        bytes[0] = 'I';
        bytes[1] = 'D';
        bytes[2] = '3';
        bytes[3] = 4;
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    /** Writes the track's tags into its file, as a tag editor would. */
    public static void tag(Path file, Track track) throws IOException {
        try {
            AudioFile audio = AudioFileIO.read(file.toFile());
            Tag tag = audio.getTagOrCreateAndSetDefault();
            set(tag, FieldKey.TITLE, track.title());
            set(tag, FieldKey.ARTIST, track.artist());
            set(tag, FieldKey.ALBUM, track.album());
            set(tag, FieldKey.ALBUM_ARTIST, track.artist());
            set(tag, FieldKey.TRACK, Integer.toString(track.number()));
            set(tag, FieldKey.YEAR, Integer.toString(2019 + track.style().ordinal()));
            set(tag, FieldKey.GENRE, track.genre());
            set(tag, FieldKey.MUSICBRAINZ_TRACK_ID, track.musicBrainzRecordingId());
            set(tag, FieldKey.LYRICS, track.lyrics());
            audio.commit();
        } catch (Exception e) {
            throw new IOException("cannot tag " + file + ": " + e.getMessage(), e);
        }
    }

    /** A field written, or taken away when the track has no value for it. */
    private static void set(Tag tag, FieldKey key, String value) throws org.jaudiotagger.tag.FieldDataInvalidException {
        if (value == null) {
            tag.deleteField(key);
        } else {
            tag.setField(key, value);
        }
    }

    /** Encodes a WAV file to the container its name says, with ffmpeg, leaving the tags to {@link #tag}. */
    public static void encode(String ffmpeg, Path wav, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        String name = file.getFileName().toString();
        List<String> codec = switch (name.substring(name.lastIndexOf('.') + 1)) {
            case "mp3" -> List.of("-c:a", "libmp3lame", "-b:a", "128k");
            case "flac" -> List.of("-c:a", "flac");
            case "ogg" -> List.of("-c:a", "libvorbis", "-q:a", "4");
            case "m4a" -> List.of("-c:a", "aac", "-b:a", "128k");
            default -> throw new IllegalArgumentException("no encoder for " + name);
        };
        List<String> command = new ArrayList<>(List.of(ffmpeg, "-v", "error", "-nostdin", "-y", "-i", wav.toString()));
        command.addAll(codec);
        command.addAll(List.of("-map_metadata", "-1", file.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("ffmpeg could not encode " + file + ": " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while encoding " + file, e);
        }
    }

    private static String titleWord(Style style) {
        return switch (style) {
            case BALLAD -> "Matin";
            case ELECTRONIC -> "নদী";
            case ROCK -> "雨";
            case FOLK -> "Снег";
            case JAZZ -> "밤";
        };
    }

    private static String capitalise(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
