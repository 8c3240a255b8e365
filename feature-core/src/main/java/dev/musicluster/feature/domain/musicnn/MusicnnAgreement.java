package dev.musicluster.feature.domain.musicnn;

import dev.musicluster.contracts.MusicnnTags;
import dev.musicluster.contracts.vector.Cosine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * How closely one way of computing songs' musicnn representations follows another, song by song: the bounds a faster
 * way must hold against float32's (issue 31): every song's embedding (MSD and MTT, 400 values) within cosine 0.995,
 * and its three most likely of the 100 tags the same for at least 95 % of the songs.
 */
public final class MusicnnAgreement {

    public static final double MIN_COSINE = 0.995;
    public static final double MIN_SAME_TOP_TAGS = 0.95;
    private static final int TOP_TAGS = 3;

    /** One song: the cosine of its 400-value embedding, of each network's 200, and whether its top three tags agree. */
    public record Song(String id, double cosine, double msdCosine, double mttCosine, boolean sameTopTags) {
    }

    private final List<Song> songs = new ArrayList<>();

    public Song add(String id, MusicnnRepresentation reference, MusicnnRepresentation other) {
        Song song = new Song(id, Cosine.of(reference.embedding(), other.embedding()),
                Cosine.of(reference.msdEmbedding(), other.msdEmbedding()), Cosine.of(reference.mttEmbedding(), other.mttEmbedding()),
                new HashSet<>(MusicnnTags.topNames(reference.tags(), TOP_TAGS)).equals(new HashSet<>(MusicnnTags.topNames(other.tags(), TOP_TAGS))));
        songs.add(song);
        return song;
    }

    public List<Song> songs() {
        return List.copyOf(songs);
    }

    /** The song whose embedding moved most. */
    public Song worst() {
        return songs.stream().min(Comparator.comparingDouble(Song::cosine)).orElseThrow();
    }

    public double sameTopTags() {
        return songs.stream().filter(Song::sameTopTags).count() / (double) songs.size();
    }

    public boolean holds() {
        return !songs.isEmpty() && worst().cosine() >= MIN_COSINE && sameTopTags() >= MIN_SAME_TOP_TAGS;
    }

    @Override
    public String toString() {
        if (songs.isEmpty()) {
            return "no songs";
        }
        Song worst = worst();
        double mean = songs.stream().mapToDouble(Song::cosine).average().orElseThrow();
        double worstNetwork = songs.stream().mapToDouble(s -> Math.min(s.msdCosine(), s.mttCosine())).min().orElseThrow();
        return String.format(Locale.ROOT, "%d songs: embedding cosine worst %.6f (%s), mean %.6f, worst of one network %.6f; "
                        + "top-%d tags the same for %.1f %% (bounds: cosine >= %.3f, >= %.0f %%): %s", songs.size(), worst.cosine(),
                worst.id(), mean, worstNetwork, TOP_TAGS, 100 * sameTopTags(), MIN_COSINE, 100 * MIN_SAME_TOP_TAGS, holds() ? "held" : "NOT held");
    }
}
