package dev.musicluster.gateway.api;

import dev.musicluster.gateway.listening.Playlist;
import dev.musicluster.gateway.listening.PlaylistFormat;
import dev.musicluster.gateway.listening.PlaylistTitle;
import dev.musicluster.gateway.listening.SongPoint;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.function.Function;

/**
 * How the listening endpoints answer: a playlist as JSON or as a file players read, each song located by the
 * gateway's audio URL or, with a {@code prefix}, by its path in the user's library.
 */
final class PlaylistLinks {

    static final int MAX_SONGS = 1000;

    private PlaylistLinks() {
    }

    /** A song as a playlist lists it; null seconds when not known. */
    record Entry(String id, String title, String artist, Double seconds) {

        static Entry of(SongPoint song) {
            return new Entry(song.id(), song.title(), song.artist(), song.knownSeconds());
        }
    }

    /** Where players find the songs: what the {@code locations} and {@code prefix} parameters ask. */
    record Where(String locations, String prefix) {
    }

    /**
     * {@code locations=library}, or any {@code prefix}: the prefix (default none) + the song's library path (the
     * manifest's audio column, given at ingestion), as a local player or MPD reads them; otherwise, and for a song
     * ingested without a library path, the gateway's audio URL.
     */
    static Function<SongPoint, String> locations(UriInfo uri, Where where) {
        String prefix = where.prefix();
        if (prefix != null && (prefix.length() > 1024 || prefix.codePoints().anyMatch(Character::isISOControl))) {
            throw new IllegalArgumentException("prefix is a path or URL of at most 1024 characters without control characters");
        }
        String locations = where.locations() == null ? (prefix == null ? "url" : "library") : where.locations();
        if (!locations.equals("url") && !locations.equals("library")) {
            throw new IllegalArgumentException("locations is url or library, not " + locations);
        }
        String library = prefix == null ? "" : prefix;
        String base = uri.getBaseUri().toString();
        String root = base.endsWith("/") ? base : base + "/";
        return song -> {
            if (!locations.equals("library") || song.source() == null) {
                return root + "api/songs/" + song.id() + "/audio";
            }
            // A manifest may name its files by absolute paths or URLs: those are where the songs are, whatever the prefix.
            boolean absolute = song.source().startsWith("/") || song.source().matches("^[A-Za-z][A-Za-z0-9+.-]*:.*");
            return absolute ? song.source() : library + song.source();
        };
    }

    static Response file(Playlist playlist, String format, UriInfo uri, Where where) {
        PlaylistFormat kind = PlaylistFormat.of(format);
        String body = kind.write(playlist, locations(uri, where));
        String fileName = playlist.id() + "." + kind.extension();
        return Response.ok(body).type(kind.mediaType()).header("Content-Disposition", "inline; filename=\"" + fileName + "\"").build();
    }

    static String name(String given, String fallback) {
        return given == null ? fallback : PlaylistTitle.require(given);
    }

    static int count(String what, int value, int max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(what + " is between 1 and " + max + ", not " + value);
        }
        return value;
    }

    /** A per-artist limit as asked: 0 for none, else 1 to {@link #MAX_SONGS}. */
    static int perArtist(int asked) {
        return asked == 0 ? Integer.MAX_VALUE : count("per-artist (0: no limit)", asked, MAX_SONGS);
    }

    static List<Entry> entries(List<SongPoint> songs) {
        return songs.stream().map(Entry::of).toList();
    }
}
