package dev.musicluster.training.app;

import dev.musicluster.contracts.events.AudioFeaturesExtracted;
import dev.musicluster.contracts.events.LyricsEmbedded;
import dev.musicluster.contracts.tensor.NpyArray;
import dev.musicluster.contracts.tensor.NpyFormat;
import dev.musicluster.kit.ObjectStore;
import dev.musicluster.training.domain.data.TimePooling;
import dev.musicluster.training.domain.data.TrainingSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Builds {@link TrainingSet}s from the songs' events and, when a model reads spectrograms, their log-mel tensors
 * from the object store (fetched in parallel, each once, pooled to every requested length as it arrives).
 */
@ApplicationScoped
public class DatasetAssembly {

    private final ObjectStore store;
    private final TrainingSettings settings;

    public DatasetAssembly(ObjectStore store, TrainingSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    /**
     * @param withLogMel whether to fetch spectrograms (only spectrogram models need them)
     * @param condition  the label column to carry, or null
     */
    public TrainingSet assemble(List<String> ids, SongState state, boolean withLogMel, int melFrames, String condition) {
        int frames = withLogMel ? melFrames : 0;
        return assemble(ids, state, Set.of(frames), condition).get(frames);
    }

    /**
     * One set per pooling length, the same songs in each: a length of 0 is a set without spectrograms, any other the
     * songs' log-mels pooled to that many frames. Each spectrogram is fetched once however many lengths are asked.
     *
     * @param condition the label column to carry, or null
     */
    public Map<Integer, TrainingSet> assemble(List<String> ids, SongState state, Set<Integer> frameCounts, String condition) {
        int n = ids.size();
        List<AudioFeaturesExtracted> features = ids.stream().map(state::features).toList();
        int summaryWidth = features.isEmpty() ? 0 : features.get(0).summary().length;
        float[] summary = new float[n * summaryWidth];
        int lyricsWidth = ids.stream().map(state::lyrics).filter(l -> l != null && l.hasLyrics())
                .mapToInt(l -> l.vector().length).max().orElse(0);
        float[] lyrics = new float[n * lyricsWidth];
        float[] mask = new float[lyricsWidth == 0 ? 0 : n];
        List<String> conditions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] row = features.get(i).summary();
            if (row.length != summaryWidth) {
                throw new IllegalArgumentException("song " + ids.get(i) + " has a summary of " + row.length
                        + " values, the others " + summaryWidth + ": features from different extractor versions");
            }
            System.arraycopy(row, 0, summary, i * summaryWidth, summaryWidth);
            LyricsEmbedded embedded = state.lyrics(ids.get(i));
            if (lyricsWidth > 0 && embedded != null && embedded.hasLyrics() && embedded.vector().length == lyricsWidth) {
                System.arraycopy(embedded.vector(), 0, lyrics, i * lyricsWidth, lyricsWidth);
                mask[i] = 1f;
            }
            if (condition != null) {
                conditions.add(state.label(ids.get(i), condition));
            }
        }
        int[] lengths = frameCounts.stream().filter(frames -> frames > 0).mapToInt(Integer::intValue).sorted().toArray();
        List<float[][]> pooled = lengths.length == 0 ? List.of() : fetchLogMels(features, lengths);
        Map<Integer, TrainingSet> sets = new LinkedHashMap<>();
        if (frameCounts.contains(0)) {
            sets.put(0, new TrainingSet(ids, summary, summaryWidth, new float[0], 0, 0, lyrics, lyricsWidth, mask, conditions));
        }
        for (int l = 0; l < lengths.length; l++) {
            int frames = lengths[l];
            int mels = pooled.isEmpty() ? 0 : pooled.get(0)[l].length / frames;
            float[] logMel = new float[n * mels * frames];
            for (int i = 0; i < n; i++) {
                System.arraycopy(pooled.get(i)[l], 0, logMel, i * mels * frames, mels * frames);
            }
            sets.put(frames, new TrainingSet(ids, summary, summaryWidth, logMel, mels, frames, lyrics, lyricsWidth, mask, conditions));
        }
        return sets;
    }

    /** SHA-256 over every song's id, audio hash, extractor and lyrics embedder: the data a model was trained on. */
    public static String dataHash(List<String> ids, SongState state) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String id : ids) {
                AudioFeaturesExtracted f = state.features(id);
                LyricsEmbedded l = state.lyrics(id);
                String line = id + '\t' + f.audioSha256() + '\t' + f.extractorVersion() + '\t'
                        + (l == null ? "-" : l.embedderId() + ':' + l.embedderVersion() + ':' + l.hasLyrics()) + '\n';
                digest.update(line.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Per song, its log-mel pooled to each of the lengths, in their order. */
    private List<float[][]> fetchLogMels(List<AudioFeaturesExtracted> features, int[] lengths) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.downloadThreads()));
        try {
            List<Future<float[][]>> pending = features.stream().map(f -> pool.submit(() -> pooledLogMels(f, lengths))).toList();
            List<float[][]> out = new ArrayList<>(pending.size());
            for (Future<float[][]> future : pending) {
                out.add(future.get());
            }
            return out;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching spectrograms", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private float[][] pooledLogMels(AudioFeaturesExtracted features, int[] lengths) throws IOException {
        NpyArray logMel = NpyFormat.fromBytes(store.get(features.logMelKey()));
        if (logMel.rank() != 2) {
            throw new IOException(features.logMelKey() + " is not a matrix");
        }
        float[][] pooled = new float[lengths.length][];
        for (int l = 0; l < lengths.length; l++) {
            pooled[l] = TimePooling.pool(logMel.data(), logMel.dim(0), logMel.dim(1), lengths[l]);
        }
        return pooled;
    }
}
