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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The active clustering's playlists from the gateway, written as files players open: each playlist as
 * {@code <id>-<tags>.m3u} (what MPD lists in its playlist_directory), {@code .m3u8} (the same lines, for players that
 * want the UTF-8 name) and {@code .xspf} (the id first, so a playlist's files keep their name across re-clusterings),
 * and {@code playlists.json} with their names, tags and songs. Playlist files of ours that no playlist has any more (a
 * cluster gone, or renamed by new tags) are deleted, so a folder rewritten after every change holds the playlists of now.
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
        Set<Path> current = new HashSet<>();
        for (JsonNode playlist : JSON.readTree(index)) {
            String id = playlist.path("id").asText();
            String stem = fileName(id, playlist.path("tags"));
            byte[] m3u = gateway.download("api/playlists/" + id + ".m3u8?per-artist=" + perArtist + where);
            Files.write(dir.resolve(stem + ".m3u8"), m3u);
            Files.write(dir.resolve(stem + ".m3u"), m3u);
            Files.write(dir.resolve(stem + ".xspf"), gateway.download("api/playlists/" + id + ".xspf?per-artist=" + perArtist + where));
            written.add(dir.resolve(stem + ".m3u8"));
            List.of("m3u", "m3u8", "xspf").forEach(format -> current.add(dir.resolve(stem + "." + format)));
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path stale : files.filter(f -> f.getFileName().toString().matches("pl-\\d+.*\\.(m3u|m3u8|xspf)")).filter(f -> !current.contains(f))
                    .toList()) {
                Files.delete(stale);
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
        console.printf("%n%d playlists (M3U, M3U8 and XSPF) in %s%n", files.size(), dir.toAbsolutePath());
        for (Path file : files) {
            console.printf("  %s%n", file.getFileName());
        }
    }
}
