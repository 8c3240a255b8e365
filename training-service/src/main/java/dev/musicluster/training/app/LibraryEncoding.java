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
import java.util.stream.Collectors;

/**
 * Every song's latent under the models a run trained on a sample of its songs. The library is read once, a batch
 * at a time, for all of them: each song's spectrogram is fetched once, pooled each way a model reads it, and encoded
 * by every model, where a pass per model fetched it once per model (at 100,000 songs the fetch is most of the cost).
 * A model that fails (out of memory, say) drops out and the others go on; a batch that cannot be read fails them all.
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
        Map<Encoder, Throwable> failures = new LinkedHashMap<>();
        encoders.forEach(encoder -> latents.put(encoder, new ArrayList<>(ids.size())));
        Map<SongVector, List<Encoder>> byVector = encoders.stream()
                .collect(Collectors.groupingBy(Encoder::vector, LinkedHashMap::new, Collectors.toList()));
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
            byVector.forEach((vector, group) -> {
                List<Encoder> going = group.stream().filter(encoder -> !failures.containsKey(encoder)).toList();
                if (going.isEmpty()) {
                    return;
                }
                Set<LogMelPooling> poolings = going.stream().map(Encoder::pooling).collect(Collectors.toSet());
                Map<LogMelPooling, TrainingSet> sets;
                try {
                    sets = assembly.assemble(batch, state, poolings, vector, condition);
                } catch (RuntimeException | OutOfMemoryError e) {
                    going.forEach(encoder -> failures.put(encoder, e));
                    return;
                }
                for (Encoder encoder : going) {
                    try {
                        latents.get(encoder).addAll(OnlineEncoding.latents(runId, encoder.model(), encoder.network(), sets.get(encoder.pooling())));
                    } catch (RuntimeException | OutOfMemoryError e) {
                        failures.put(encoder, e);
                    }
                }
            });
            if (failures.size() == encoders.size()) {
                break;
            }
            progress.encoded(from + batch.size(), ids.size());
        }
        return encoders.stream().map(encoder -> failures.containsKey(encoder) ? new Encoded(List.of(), failures.get(encoder))
                : new Encoded(latents.get(encoder), null)).toList();
    }
}
