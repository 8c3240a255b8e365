package dev.musicluster.training.app;

import dev.musicluster.contracts.events.AudioFeaturesExtracted;
import dev.musicluster.contracts.events.LyricsEmbedded;
import dev.musicluster.contracts.tensor.NpyArray;
import dev.musicluster.contracts.tensor.NpyFormat;
import dev.musicluster.kit.ObjectStore;
import dev.musicluster.training.domain.data.LogMelPooling;
import dev.musicluster.training.domain.data.TrainingSet;
import dev.musicluster.training.domain.model.SongVector;
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
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds {@link TrainingSet}s from the songs' events and, when a model reads spectrograms, their log-mel tensors
 * from the object store (fetched in parallel, each once, pooled every requested way as it arrives).
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
     * @param pooling   how to read the songs' log-mels ({@link LogMelPooling#NONE}: fetch none)
     * @param vector    which song vector the set's dense part holds
     * @param condition the label column to carry, or null
     */
    public TrainingSet assemble(List<String> ids, SongState state, LogMelPooling pooling, SongVector vector, String condition) {
        return assemble(ids, state, Set.of(pooling), vector, condition).get(pooling);
    }

    /**
     * One set per pooling, the same songs in each; each spectrogram is fetched once however many poolings are asked.
     *
     * @param vector    which song vector the sets' dense part holds
     * @param condition the label column to carry, or null
     */
    public Map<LogMelPooling, TrainingSet> assemble(List<String> ids, SongState state, Set<LogMelPooling> poolings, SongVector vector,
                                                    String condition) {
        int n = ids.size();
        List<AudioFeaturesExtracted> features = ids.stream().map(state::features).toList();
        int summaryWidth = features.isEmpty() ? 0 : vectorOf(features.get(0), vector).length;
        float[] summary = new float[n * summaryWidth];
        int lyricsWidth = ids.stream().map(state::lyrics).filter(l -> l != null && l.hasLyrics())
                .mapToInt(l -> l.vector().length).max().orElse(0);
        float[] lyrics = new float[n * lyricsWidth];
        float[] mask = new float[lyricsWidth == 0 ? 0 : n];
        List<String> conditions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] row = vectorOf(features.get(i), vector);
            if (row.length != summaryWidth) {
                throw new IllegalArgumentException("song " + ids.get(i) + " has a " + vector.id() + " vector of " + row.length
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
        List<LogMelPooling> reading = poolings.stream().filter(LogMelPooling::readsLogMel).toList();
        List<float[][]> pooled = reading.isEmpty() ? List.of() : fetchLogMels(features, reading);
        Map<LogMelPooling, TrainingSet> sets = new LinkedHashMap<>();
        if (poolings.contains(LogMelPooling.NONE)) {
            sets.put(LogMelPooling.NONE, new TrainingSet(ids, summary, summaryWidth, new float[0], 0, 0, lyrics, lyricsWidth, mask, conditions));
        }
        for (int p = 0; p < reading.size(); p++) {
            int frames = reading.get(p).frames();
            int mels = pooled.isEmpty() ? 0 : pooled.get(0)[p].length / frames;
            float[] logMel = new float[n * mels * frames];
            for (int i = 0; i < n; i++) {
                System.arraycopy(pooled.get(i)[p], 0, logMel, i * mels * frames, mels * frames);
            }
            sets.put(reading.get(p), new TrainingSet(ids, summary, summaryWidth, logMel, mels, frames, lyrics, lyricsWidth, mask, conditions));
        }
        return sets;
    }

    /** Whether every one of the songs has its musicnn representation. */
    public static boolean everyoneHasMusicnn(List<String> ids, SongState state) {
        return ids.stream().allMatch(id -> state.features(id) != null && state.features(id).musicnn() != null);
    }

    private static float[] vectorOf(AudioFeaturesExtracted features, SongVector vector) {
        if (vector == SongVector.SUMMARY) {
            return features.summary();
        }
        if (features.musicnn() == null) {
            throw new IllegalArgumentException("song " + features.songId() + " has no musicnn representation (its features were "
                    + "extracted before musicnn existed, or with musicluster.features.musicnn=false): extract them again, or train on vector=summary");
        }
        return features.musicnn().embedding();
    }

    /**
     * How the songs' features were computed, for a run's provenance: each extractor version, and each musicnn version
     * with its precision (float32 or bfloat16, by the machine that analysed the song), with its number of songs, the
     * most common first.
     */
    public static Map<String, String> featureProvenance(List<String> ids, SongState state) {
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("features.extractor", counted(ids.stream().map(id -> state.features(id).extractorVersion())));
        provenance.put("features.musicnn", counted(ids.stream().map(id -> state.features(id).musicnn())
                .map(m -> m == null ? "none" : m.version())));
        return provenance;
    }

    private static String counted(Stream<String> values) {
        Map<String, Long> counts = values.collect(Collectors.groupingBy(v -> v, TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> e.getKey() + " (" + e.getValue() + (e.getValue() == 1 ? " song)" : " songs)")).collect(Collectors.joining("; "));
    }

    /**
     * SHA-256 over every song's id, audio hash, extractor, and the revision and embedder of its lyrics: the data a
     * model was trained on. Each stage's output is a function of these (the lyrics vector of its text and embedder).
     */
    public static String dataHash(List<String> ids, SongState state) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String id : ids) {
                AudioFeaturesExtracted f = state.features(id);
                LyricsEmbedded l = state.lyrics(id);
                String line = id + '\t' + f.audioSha256() + '\t' + f.extractorVersion() + '\t'
                        + (l == null ? "-" : l.embedderId() + ':' + l.embedderVersion() + ':' + l.songRevision() + ':' + l.hasLyrics()) + '\n';
                digest.update(line.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Per song, its log-mel pooled each of the ways, in their order. */
    private List<float[][]> fetchLogMels(List<AudioFeaturesExtracted> features, List<LogMelPooling> poolings) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.downloadThreads()));
        try {
            List<Future<float[][]>> pending = features.stream().map(f -> pool.submit(() -> pooledLogMels(f, poolings))).toList();
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

    private float[][] pooledLogMels(AudioFeaturesExtracted features, List<LogMelPooling> poolings) throws IOException {
        NpyArray logMel = NpyFormat.fromBytes(store.get(features.logMelKey()));
        if (logMel.rank() != 2) {
            throw new IOException(features.logMelKey() + " is not a matrix");
        }
        float[][] pooled = new float[poolings.size()][];
        for (int p = 0; p < pooled.length; p++) {
            pooled[p] = poolings.get(p).apply(logMel.data(), logMel.dim(0), logMel.dim(1), features.durationSeconds());
        }
        return pooled;
    }
}
