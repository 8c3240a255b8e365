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
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Builds a {@link TrainingSet} from the songs' events and, when a model reads spectrograms, their log-mel tensors
 * from the object store (fetched in parallel, pooled to the requested frames as they arrive).
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
        int mels = 0;
        float[] logMel = new float[0];
        if (withLogMel) {
            List<float[]> pooled = fetchLogMels(features, melFrames);
            mels = pooled.isEmpty() ? 0 : pooled.get(0).length / melFrames;
            logMel = new float[n * mels * melFrames];
            for (int i = 0; i < n; i++) {
                System.arraycopy(pooled.get(i), 0, logMel, i * mels * melFrames, mels * melFrames);
            }
        }
        return new TrainingSet(ids, summary, summaryWidth, logMel, mels, withLogMel ? melFrames : 0, lyrics, lyricsWidth, mask, conditions);
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

    private List<float[]> fetchLogMels(List<AudioFeaturesExtracted> features, int melFrames) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.downloadThreads()));
        try {
            List<Future<float[]>> pending = features.stream().map(f -> pool.submit(() -> pooledLogMel(f, melFrames))).toList();
            List<float[]> out = new ArrayList<>(pending.size());
            for (Future<float[]> future : pending) {
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

    private float[] pooledLogMel(AudioFeaturesExtracted features, int melFrames) throws IOException {
        NpyArray logMel = NpyFormat.fromBytes(store.get(features.logMelKey()));
        if (logMel.rank() != 2) {
            throw new IOException(features.logMelKey() + " is not a matrix");
        }
        return TimePooling.pool(logMel.data(), logMel.dim(0), logMel.dim(1), melFrames);
    }
}
