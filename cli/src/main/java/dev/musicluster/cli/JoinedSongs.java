package dev.musicluster.cli;

import dev.musicluster.library.ManifestEntry;
import dev.musicluster.library.SongDescription;
import dev.musicluster.library.SongManifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Real-length songs made from short real clips (30-s previews, 60-s excerpts): clip i, i+1, ... joined until the length
 * is reached, each song starting one clip later than the one before, so no two are the same. ffmpeg's concat demuxer
 * copies the compressed frames (no re-encoding: about a tenth of a second a song), so the clips must share one format.
 */
final class JoinedSongs {

    private JoinedSongs() {
    }

    /**
     * @param clips   the real clips, in manifest order
     * @param count   how many songs to make
     * @param seconds each song's length, at least
     * @param dir     where the songs are written (kept between runs: a song already there is not made again)
     * @return the songs, with their first clip's artist, lyrics and labels; the title says how many clips follow it
     */
    static List<ManifestEntry> make(List<ManifestEntry> clips, int count, double seconds, Path dir) throws IOException, InterruptedException {
        if (clips.isEmpty()) {
            throw new IllegalArgumentException("no clips to join");
        }
        String extension = SongManifest.extension(clips.get(0).audio());
        for (ManifestEntry clip : clips) {
            if (!SongManifest.extension(clip.audio()).equals(extension)) {
                throw new IllegalArgumentException("clips of one format are joined without re-encoding: " + clip.audio()
                        + " is not ." + extension);
            }
        }
        Files.createDirectories(dir);
        Map<Path, Double> lengths = new ConcurrentHashMap<>();
        List<ManifestEntry> songs = new ArrayList<>();
        List<Callable<Void>> joins = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            List<ManifestEntry> parts = new ArrayList<>();
            double total = 0;
            for (int c = s; total < seconds; c++) {
                ManifestEntry clip = clips.get(c % clips.size());
                parts.add(clip);
                total += lengths.computeIfAbsent(clip.audio(), JoinedSongs::probeSeconds);
                if (parts.size() > 10_000) {
                    throw new IllegalArgumentException("the clips are too short to make songs of " + seconds + " s");
                }
            }
            String id = String.format(Locale.ROOT, "joined-%05d", s);
            Path song = dir.resolve(id + "." + extension);
            if (!Files.isRegularFile(song)) {
                joins.add(() -> {
                    join(parts, song, dir.resolve(id + ".txt"));
                    return null;
                });
            }
            SongDescription first = parts.get(0).description();
            songs.add(new ManifestEntry(id, song, first.title() + " (+" + (parts.size() - 1) + " more)", first.artist(), first.lyrics(),
                    first.labels()));
        }
        runAll(joins);
        return songs;
    }

    /** ffmpeg's start-up (about 0.1 s) and its probing of every part dominate a join: one per core at a time. */
    private static void runAll(List<Callable<Void>> joins) throws IOException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            for (Future<Void> join : pool.invokeAll(joins)) {
                join.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void join(List<ManifestEntry> parts, Path song, Path list) throws IOException, InterruptedException {
        StringBuilder files = new StringBuilder();
        for (ManifestEntry part : parts) {
            files.append("file '").append(part.audio().toAbsolutePath().toString().replace("'", "'\\''")).append("'\n");
        }
        Files.writeString(list, files, StandardCharsets.UTF_8);
        Path partial = song.resolveSibling(song.getFileName() + ".part");
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-nostdin", "-f", "concat", "-safe", "0", "-i", list.toString(),
                "-map", "0:a:0", "-c", "copy", "-f", muxer(song), partial.toString()).redirectErrorStream(true).start();
        String output = new String(ffmpeg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (ffmpeg.waitFor() != 0) {
            throw new IOException("ffmpeg could not join " + parts.size() + " clips into " + song + ": " + output.strip());
        }
        Files.move(partial, song);
        Files.delete(list);
    }

    private static double probeSeconds(Path clip) {
        try {
            Process ffprobe = new ProcessBuilder("ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0",
                    clip.toString()).redirectErrorStream(true).start();
            String output = new String(ffprobe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (ffprobe.waitFor() != 0) {
                throw new IllegalArgumentException("ffprobe cannot read " + clip + ": " + output);
            }
            return Double.parseDouble(output);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run ffprobe (is ffmpeg installed?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while probing " + clip, e);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ffprobe gives no length for " + clip, e);
        }
    }

    /** The muxer by extension: ffmpeg cannot guess it from a ".part" name. */
    private static String muxer(Path song) {
        String extension = SongManifest.extension(song);
        return switch (extension) {
            case "m4a" -> "ipod";
            case "wav", "wave" -> "wav";
            case "aif", "aiff" -> "aiff";
            default -> extension;
        };
    }
}
