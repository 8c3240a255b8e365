package dev.musicluster.training.app;

import dev.musicluster.contracts.events.LatentEncoded;
import dev.musicluster.training.domain.data.LogMelPooling;
import dev.musicluster.training.domain.data.TrainingSet;
import dev.musicluster.training.domain.model.SongVector;
import dev.musicluster.training.domain.network.SongEncoder;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Every song's latent under the models a run trained on a sample of its songs. The library is read once, a batch
 * at a time, for all of them: each song's spectrogram is fetched once, pooled each way a model reads it, and encoded
 * by every model, where a pass per model fetched it once per model (at 100,000 songs the fetch is most of the cost).
 * A model that fails (out of memory, say) drops out and the others go on; a batch that cannot be read fails them all.
 * The next batch is read while one is encoded, so two batches are in memory at once.
 */
@ApplicationScoped
public class LibraryEncoding {

    /** Songs assembled at once: their spectrograms, pooled, are in memory together. */
    static final int BATCH = 1000;

    private final DatasetAssembly assembly;

    public LibraryEncoding(DatasetAssembly assembly) {
        this.assembly = assembly;
    }

    /** A trained model to encode the songs with, and how it reads a song. */
    public record Encoder(String model, SongEncoder network, LogMelPooling pooling, SongVector vector) {
    }

    /** A model's latents for every song, in the songs' order, or why it could not encode them. */
    public record Encoded(List<LatentEncoded> latents, Throwable failure) {
    }

    /** How far the pass is: songs encoded so far by the models still going, of all. */
    @FunctionalInterface
    public interface Progress {
        void encoded(int songs, int of);
    }

    /**
     * @param condition the label column the songs' sets carry, or null
     * @return per encoder, in their order, its latents or its failure
     */
    public List<Encoded> encode(String runId, List<Encoder> encoders, List<String> ids, SongState state, String condition,
                                Progress progress) {
        Map<Encoder, List<LatentEncoded>> latents = new LinkedHashMap<>();
        Map<Encoder, Throwable> failures = new ConcurrentHashMap<>();
        encoders.forEach(encoder -> latents.put(encoder, new ArrayList<>(ids.size())));
        Map<SongVector, List<Encoder>> byVector = encoders.stream()
                .collect(Collectors.groupingBy(Encoder::vector, LinkedHashMap::new, Collectors.toList()));
        // The next batch is read while this one is encoded: reading waits on the store and encoding on the cores, and
        // one after the other the service used 0.6 of two cores through a 21-minute pass at 100,000 songs.
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "library-encoding-read");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<Map<SongVector, Assembled>> next = ids.isEmpty() ? null
                    : reader.submit(() -> read(batch(ids, 0), byVector, failures, state, condition));
            for (int from = 0; from < ids.size(); from += BATCH) {
                Map<SongVector, Assembled> current = next.get();
                List<String> following = batch(ids, from + BATCH);
                next = following.isEmpty() ? null : reader.submit(() -> read(following, byVector, failures, state, condition));
                byVector.forEach((vector, group) -> {
                    List<Encoder> going = group.stream().filter(encoder -> !failures.containsKey(encoder)).toList();
                    Assembled assembled = current.get(vector);
                    if (going.isEmpty() || assembled == null) {
                        return;
                    }
                    if (assembled.failure() != null) {
                        going.forEach(encoder -> failures.put(encoder, assembled.failure()));
                        return;
                    }
                    for (Encoder encoder : going) {
                        try {
                            latents.get(encoder).addAll(OnlineEncoding.latents(runId, encoder.model(), encoder.network(),
                                    assembled.sets().get(encoder.pooling())));
                        } catch (RuntimeException | OutOfMemoryError e) {
                            failures.put(encoder, e);
                        }
                    }
                });
                if (failures.size() == encoders.size()) {
                    break;
                }
                progress.encoded(Math.min(ids.size(), from + BATCH), ids.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            encoders.forEach(encoder -> failures.putIfAbsent(encoder, e));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            encoders.forEach(encoder -> failures.putIfAbsent(encoder, cause));
        } finally {
            reader.shutdownNow();
        }
        return encoders.stream().map(encoder -> failures.containsKey(encoder) ? new Encoded(List.of(), failures.get(encoder))
                : new Encoded(latents.get(encoder), null)).toList();
    }

    /** A batch's sets for each way its models read a song, or why it could not be read. */
    private record Assembled(Map<LogMelPooling, TrainingSet> sets, Throwable failure) {
    }

    private static List<String> batch(List<String> ids, int from) {
        return from >= ids.size() ? List.of() : ids.subList(from, Math.min(ids.size(), from + BATCH));
    }

    /** The batch assembled once per song vector, pooled each way a model still going reads it. */
    private Map<SongVector, Assembled> read(List<String> batch, Map<SongVector, List<Encoder>> byVector, Map<Encoder, Throwable> failures,
                                            SongState state, String condition) {
        Map<SongVector, Assembled> out = new LinkedHashMap<>();
        byVector.forEach((vector, group) -> {
            Set<LogMelPooling> poolings = group.stream().filter(encoder -> !failures.containsKey(encoder)).map(Encoder::pooling)
                    .collect(Collectors.toSet());
            if (poolings.isEmpty()) {
                return;
            }
            try {
                out.put(vector, new Assembled(assembly.assemble(batch, state, poolings, vector, condition), null));
            } catch (RuntimeException | OutOfMemoryError e) {
                out.put(vector, new Assembled(Map.of(), e));
            }
        });
        return out;
    }
}
