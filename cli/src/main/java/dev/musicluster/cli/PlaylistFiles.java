package dev.musicluster.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The active clustering's playlists from the gateway, written as files players open: each playlist as
 * {@code <id>-<tags>.m3u8} and {@code .xspf} (the id first, so a playlist's files keep their name across
 * re-clusterings), and {@code playlists.json} with their names, tags and songs.
 */
final class PlaylistFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlaylistFiles() {
    }

    /**
     * {@code prefix}: null for the gateway's audio URLs, else each song's library path behind it ("" for paths relative
     * to the library's root). Returns the M3U8 files written.
     */
    static List<Path> write(GatewayClient gateway, Path dir, String prefix, int perArtist) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        byte[] index = gateway.download("api/playlists?per-artist=" + perArtist);
        Files.write(dir.resolve("playlists.json"), index);
        String where = prefix == null ? "" : "&locations=library&prefix=" + URLEncoder.encode(prefix, StandardCharsets.UTF_8);
        List<Path> written = new ArrayList<>();
        for (JsonNode playlist : JSON.readTree(index)) {
            String id = playlist.path("id").asText();
            String stem = fileName(id, playlist.path("tags"));
            for (String format : List.of("m3u8", "xspf")) {
                Path file = dir.resolve(stem + "." + format);
                Files.write(file, gateway.download("api/playlists/" + id + "." + format + "?per-artist=" + perArtist + where));
                if (format.equals("m3u8")) {
                    written.add(file);
                }
            }
        }
        return written;
    }

    /** {@code pl-0001-piano-classical}: safe on every file system, and what MPD calls the stored playlist. */
    static String fileName(String id, JsonNode tags) {
        StringBuilder name = new StringBuilder(id);
        for (JsonNode tag : tags) {
            String slug = tag.asText().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
            if (!slug.isEmpty()) {
                name.append('-').append(slug);
            }
        }
        return name.toString();
    }

    static void print(List<Path> files, Path dir, PrintStream console) {
        console.printf("%n%d playlists (M3U8 and XSPF) in %s%n", files.size(), dir.toAbsolutePath());
        for (Path file : files) {
            console.printf("  %s%n", file.getFileName());
        }
    }
}
