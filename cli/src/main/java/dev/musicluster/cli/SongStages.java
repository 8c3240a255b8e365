package dev.musicluster.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** The songs' stages as the gateway lists them, and waiting for a stage with a progress bar and a timeout. */
final class SongStages {

    private SongStages() {
    }

    /**
     * Waits until every song of {@code ids} is listed by the gateway and {@code settled} holds for it, showing
     * progress; asks every {@code poll}; fails after the timeout rather than hang.
     */
    static List<Map<String, Object>> await(GatewayClient gateway, Set<String> ids, String stage, Predicate<Map<String, Object>> settled,
                                           Duration timeout, Duration poll, PrintStream console) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Progress progress = new Progress(console, stage, ids.size());
        while (true) {
            List<Map<String, Object>> songs;
            try {
                songs = gateway.songs();
            } catch (IOException unreachable) {
                // The gateway restarting (a fault test kills it, an operator redeploys it): ask again until the deadline.
                if (System.nanoTime() > deadline) {
                    throw unreachable;
                }
                Thread.sleep(poll.toMillis());
                continue;
            }
            long done = count(songs, ids, settled);
            progress.update((int) done);
            if (done == ids.size()) {
                progress.done();
                return songs;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("stage " + stage + ": only " + done + " of " + ids.size() + " songs within " + timeout);
            }
            Thread.sleep(poll.toMillis());
        }
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
