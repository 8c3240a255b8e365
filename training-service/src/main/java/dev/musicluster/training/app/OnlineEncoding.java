package dev.musicluster.training.app;

import dev.musicluster.contracts.events.AudioFeaturesExtracted;
import dev.musicluster.contracts.events.LatentEncoded;
import dev.musicluster.contracts.events.LyricsEmbedded;
import dev.musicluster.contracts.events.SongIngested;
import dev.musicluster.contracts.events.SongSelection;
import dev.musicluster.training.domain.data.TrainingSet;
import dev.musicluster.training.domain.model.ModelSpec;
import dev.musicluster.training.domain.network.SongEncoder;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Keeps every song's latest latent under the active model: the primary model of the latest run. A song is encoded
 * as soon as what the model reads of it is known (features; the lyrics event too for the hybrid model, with or
 * without lyrics), and again only when the active model changes. One lock guards the model and the live view, so
 * a model is never closed while a song is being encoded with it.
 */
@ApplicationScoped
public class OnlineEncoding {

    private static final Logger LOG = Logger.getLogger(OnlineEncoding.class);
    private static final int BATCH = 256;

    private final DatasetAssembly assembly;
    private final SongState live = new SongState();
    /** Song id → run/model of its latest published latent. */
    private final Map<String, String> encodedWith = new HashMap<>();
    private Active active;

    public OnlineEncoding(DatasetAssembly assembly) {
        this.assembly = assembly;
    }

    /** What the latents topic already holds (song id → run/model), so that a restart re-encodes nothing. */
    public synchronized void alreadyEncoded(Map<String, String> latest) {
        encodedWith.putAll(latest);
    }

    public synchronized void onSong(SongIngested song, Publisher publisher) {
        live.put(song);
    }

    public synchronized void onFeatures(AudioFeaturesExtracted features, Publisher publisher) {
        live.put(features);
        encodePending(List.of(features.songId()), publisher);
    }

    public synchronized void onLyrics(LyricsEmbedded lyrics, Publisher publisher) {
        live.put(lyrics);
        encodePending(List.of(lyrics.songId()), publisher);
    }

    /**
     * A removed song (a tombstone on any of its topics): forgotten, and its latent's tombstone published, whichever
     * tombstone comes first and however often, so that a latent encoded from an event that overtook the removal is
     * removed too.
     */
    public synchronized void onRemoved(String songId, Publisher publisher) {
        live.remove(songId);
        encodedWith.remove(songId);
        publisher.latentRemoved(songId);
    }

    /**
     * Makes a model the active one: publishes the latents already computed for its training songs, then encodes
     * every other song known by now.
     */
    public synchronized void activate(StoredModel model, SongEncoder network, List<LatentEncoded> trainingLatents,
                                      Publisher publisher) {
        Active previous = active;
        active = new Active(model.runId(), model.model(), model.hyperParameters().condition(), model.selection(), network);
        if (previous != null) {
            previous.network().close();
        }
        publish(trainingLatents, publisher);
        encodePending(live.songsWithFeatures(), publisher);
    }

    private void encodePending(List<String> songIds, Publisher publisher) {
        if (active == null) {
            return;
        }
        ModelSpec spec = active.network().shape().spec();
        List<String> ready = songIds.stream()
                .filter(id -> live.features(id) != null)
                .filter(id -> active.selection().keeps(live.labels(id), live.features(id).songSeconds()))
                .filter(id -> !spec.input().usesLyrics() || live.lyrics(id) != null)
                .filter(id -> !active.tag().equals(encodedWith.get(id)))
                .toList();
        for (int from = 0; from < ready.size(); from += BATCH) {
            List<String> batch = ready.subList(from, Math.min(ready.size(), from + BATCH));
            try {
                TrainingSet set = assembly.assemble(batch, live, spec.pooling(active.network().shape().frames()), spec.vector(),
                        spec.conditional() ? active.condition() : null);
                publish(latents(active, set), publisher);
            } catch (RuntimeException e) {
                // A song the model cannot read (its spectrogram gone, say) must not stop the others.
                LOG.errorf(e, "cannot encode %d songs with %s", batch.size(), active.tag());
            }
        }
    }

    private void publish(List<LatentEncoded> latents, Publisher publisher) {
        if (latents.isEmpty()) {
            return;
        }
        publisher.latents(latents);
        latents.forEach(l -> encodedWith.put(l.songId(), l.runId() + "/" + l.model()));
    }

    static List<LatentEncoded> latents(String runId, String model, SongEncoder network, TrainingSet set) {
        float[][] means = network.encode(set);
        Instant now = Instant.now();
        List<LatentEncoded> out = new ArrayList<>(set.size());
        for (int i = 0; i < set.size(); i++) {
            out.add(new LatentEncoded(LatentEncoded.SCHEMA_VERSION, set.ids().get(i), runId, model, means[i], now));
        }
        return out;
    }

    private static List<LatentEncoded> latents(Active active, TrainingSet set) {
        return latents(active.runId(), active.model(), active.network(), set);
    }

    @PreDestroy
    synchronized void close() {
        if (active != null) {
            active.network().close();
        }
    }

    private record Active(String runId, String model, String condition, SongSelection selection, SongEncoder network) {
        String tag() {
            return runId + "/" + model;
        }
    }
}
