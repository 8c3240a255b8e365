package dev.musicluster.gateway.domain;

import dev.musicluster.contracts.events.LyricsEmbedded;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every song's lyrics vector (from {@code lyrics.embeddings}), unit length, for searching songs by what they sing:
 * cosine similarity by an exact scan, like {@link LatentIndex}. Songs without lyrics are not in it.
 */
public class LyricsIndex {

    private final Map<String, Entry> vectors = new ConcurrentHashMap<>();

    /** A song's unit lyrics vector, its language and the embedder that made it. */
    record Entry(float[] unit, String language, String embedderId) {
    }

    public void put(LyricsEmbedded lyrics) {
        if (!lyrics.hasLyrics() || lyrics.vector() == null) {
            vectors.remove(lyrics.songId());
            return;
        }
        vectors.put(lyrics.songId(), new Entry(unit(lyrics.vector()), lyrics.language(), lyrics.embedderId()));
    }

    public void remove(String songId) {
        vectors.remove(songId);
    }

    public int size() {
        return vectors.size();
    }

    /** Up to {@code k} songs whose lyrics are nearest the query vector, most similar first; only same-embedder vectors compare. */
    public List<Match> nearest(float[] query, String embedderId, int k) {
        float[] q = unit(query);
        List<Match> matches = new ArrayList<>();
        vectors.forEach((songId, entry) -> {
            if (entry.embedderId().equals(embedderId) && entry.unit().length == q.length) {
                double dot = 0;
                for (int i = 0; i < q.length; i++) {
                    dot += q[i] * entry.unit()[i];
                }
                matches.add(new Match(songId, dot, entry.language()));
            }
        });
        matches.sort(Comparator.comparingDouble(Match::similarity).reversed().thenComparing(Match::songId));
        return matches.subList(0, Math.min(k, matches.size()));
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = norm == 0 ? 0 : (float) (v[i] / norm);
        }
        return out;
    }

    /** A song, the cosine similarity of its lyrics to the query, and their language. */
    public record Match(String songId, double similarity, String language) {
    }
}
