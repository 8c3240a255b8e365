package dev.musicluster.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The songs' stages as the gateway lists them, and waiting for a stage with a progress bar: as long as songs keep
 * settling, however many there are; the wait fails only when none has for a stated while, naming the songs still pending
 * and where each stands.
 */
final class SongStages {

    private SongStages() {
    }

    /**
     * Waits until every song of {@code ids} is listed by the gateway and {@code settled} holds for it, showing
     * progress; asks every {@code poll}; fails once no song has settled for {@code stall} rather than hang.
     */
    static List<Map<String, Object>> await(GatewayClient gateway, Set<String> ids, String stage, Predicate<Map<String, Object>> settled,
                                           Duration stall, Duration poll, PrintStream console) throws IOException, InterruptedException {
        long lastMove = System.nanoTime();
        long best = -1;
        Progress progress = new Progress(console, stage, ids.size());
        while (true) {
            List<Map<String, Object>> songs;
            try {
                songs = gateway.songs();
            } catch (IOException unreachable) {
                // The gateway restarting (a fault test kills it, an operator redeploys it): ask again while it may come back.
                if (System.nanoTime() - lastMove > stall.toNanos()) {
                    throw unreachable;
                }
                Thread.sleep(poll.toMillis());
                continue;
            }
            long done = count(songs, ids, settled);
            if (done > best) {
                best = done;
                lastMove = System.nanoTime();
            }
            progress.update((int) done);
            if (done == ids.size()) {
                progress.done();
                return songs;
            }
            if (System.nanoTime() - lastMove > stall.toNanos()) {
                progress.done();
                throw new IOException("stage " + stage + ": " + done + " of " + ids.size() + " songs, and none settled in the last " + stall
                        + "; still pending: " + pending(songs, ids, settled));
            }
            Thread.sleep(poll.toMillis());
        }
    }

    /** The first few songs a stage still waits for, each with its furthest stage done: where it stands. */
    static String pending(List<Map<String, Object>> songs, Set<String> ids, Predicate<Map<String, Object>> settled) {
        Set<String> listed = new java.util.HashSet<>();
        List<String> waiting = new java.util.ArrayList<>();
        for (Map<String, Object> song : songs) {
            String id = String.valueOf(song.get("id"));
            listed.add(id);
            if (ids.contains(id) && !settled.test(song)) {
                waiting.add(id + " (" + song.getOrDefault("status", "?") + ")");
            }
        }
        ids.stream().filter(id -> !listed.contains(id)).sorted().forEach(id -> waiting.add(id + " (not listed yet)"));
        int shown = Math.min(10, waiting.size());
        return String.join(", ", waiting.subList(0, shown)) + (waiting.size() > shown ? " and " + (waiting.size() - shown) + " more" : "");
    }

    /** How many of the listed songs are among {@code ids} and satisfy {@code condition}. */
    static long count(List<Map<String, Object>> songs, Set<String> ids, Predicate<Map<String, Object>> condition) {
        return songs.stream().filter(song -> ids.contains(String.valueOf(song.get("id")))).filter(condition).count();
    }

    /** A stage is settled for a song once it is done or has failed (its reason is in the song's status). */
    static boolean settled(Map<String, Object> song, String stage) {
        Object state = of(song, stage).get("state");
        return "DONE".equals(state) || "FAILED".equals(state);
    }

    static boolean done(Map<String, Object> song, String stage) {
        return "DONE".equals(of(song, stage).get("state"));
    }

    static boolean failed(Map<String, Object> song, String stage) {
        return "FAILED".equals(of(song, stage).get("state"));
    }

    /** The stage's status (state, detail, at), empty when the song does not list it. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> of(Map<String, Object> song, String stage) {
        if (song.get("stages") instanceof Map<?, ?> stages && stages.get(stage) instanceof Map<?, ?> status) {
            return (Map<String, Object>) status;
        }
        return new LinkedHashMap<>();
    }
}
