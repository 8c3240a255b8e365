package dev.musicluster.embedding.app;

import dev.musicluster.contracts.storage.ObjectKeys;
import dev.musicluster.embedding.domain.vector.DocumentFrequencies;
import dev.musicluster.kit.MissingObjectException;
import dev.musicluster.kit.ObjectStore;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The document frequencies of the ingested lyrics: the fitted part of the default embedder. They grow with every
 * song, are saved to {@code models/embedder-char-ngram/document-frequencies.bin} every few songs and at shutdown,
 * and are restored at start, so a restart does not forget the corpus.
 */
@Singleton
public class CorpusStatistics {

    static final String KEY = ObjectKeys.model("embedder-char-ngram", "document-frequencies.bin");
    private static final int BUCKETS = 1 << 18;
    private static final Logger LOG = Logger.getLogger(CorpusStatistics.class);

    private final ObjectStore store;
    private final int saveEvery;
    private final DocumentFrequencies frequencies;
    private final AtomicInteger unsaved = new AtomicInteger();

    public CorpusStatistics(ObjectStore store, EmbeddingSettings settings) throws IOException {
        this.store = store;
        this.saveEvery = settings.saveEvery();
        this.frequencies = load(store);
    }

    public DocumentFrequencies frequencies() {
        return frequencies;
    }

    public void added() throws IOException {
        if (unsaved.incrementAndGet() >= saveEvery) {
            save();
        }
    }

    public void save() throws IOException {
        unsaved.set(0);
        store.put(KEY, frequencies.toBytes(), "application/octet-stream");
    }

    void onStop(@Observes ShutdownEvent event) {
        try {
            save();
        } catch (IOException e) {
            LOG.warnf("corpus statistics not saved at shutdown: %s", e.getMessage());
        }
    }

    private static DocumentFrequencies load(ObjectStore store) throws IOException {
        try {
            DocumentFrequencies restored = DocumentFrequencies.fromBytes(store.get(KEY));
            LOG.infof("corpus statistics restored: %d documents", restored.documents());
            return restored;
        } catch (MissingObjectException firstStart) {
            return new DocumentFrequencies(BUCKETS);
        }
    }
}
