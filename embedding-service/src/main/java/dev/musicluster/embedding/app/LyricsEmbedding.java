package dev.musicluster.embedding.app;

import dev.musicluster.contracts.events.LyricsEmbedded;
import dev.musicluster.contracts.events.SongIngested;
import dev.musicluster.embedding.domain.language.LanguageGuess;
import dev.musicluster.embedding.domain.language.LanguageIdentifier;
import dev.musicluster.embedding.domain.text.LyricsText;
import dev.musicluster.embedding.domain.text.TextValidity;
import dev.musicluster.embedding.domain.vector.LyricsVector;
import dev.musicluster.embedding.domain.vector.NgramEmbedder;
import dev.musicluster.embedding.onnx.ModelFiles;
import dev.musicluster.embedding.onnx.SentenceTransformer;
import dev.musicluster.kit.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * One song's lyrics to a {@link LyricsEmbedded} event: read them (inline, or from the store when long), check
 * they are valid text, normalise, identify the language, embed. A song without
 * lyrics gets an explicit audio-only event, not an error.
 */
@ApplicationScoped
public class LyricsEmbedding {

    private final ObjectStore store;
    private final EmbeddingSettings settings;
    private final LanguageIdentifier identifier;
    private final NgramEmbedder embedder;
    private final SentenceTransformer transformer;

    public LyricsEmbedding(ObjectStore store, EmbeddingSettings settings) throws IOException {
        this.store = store;
        this.settings = settings;
        this.identifier = new LanguageIdentifier(settings.languages());
        this.embedder = NgramEmbedder.withLanguageWeight(settings.languages(), settings.languageWeight());
        this.transformer = switch (settings.embedder()) {
            case "ngram" -> null;
            case "onnx" -> SentenceTransformer.load(settings.onnx().id(), ModelFiles.resolve(settings.onnx().model()),
                    ModelFiles.resolve(settings.onnx().tokenizer()), settings.onnx().maxTokens(), settings.onnx().tokenTypes());
            default -> throw new IllegalArgumentException("musicluster.embedding.embedder must be ngram or onnx, not "
                    + settings.embedder());
        };
    }

    /** The embedder that makes this service's vectors, as its events name it. */
    public String embedderId() {
        return transformer == null ? NgramEmbedder.ID : transformer.id();
    }

    public String embedderVersion() {
        return transformer == null ? NgramEmbedder.VERSION : "onnx";
    }

    public LyricsEmbedded embed(SongIngested song) throws IOException {
        String raw = song.lyricsKey() != null ? TextValidity.decodeUtf8(store.get(song.lyricsKey())) : song.lyrics();
        LyricsText text = LyricsText.of(raw == null ? null : TextValidity.requireValid(raw), settings.maxChars());
        if (text.isEmpty()) {
            return new LyricsEmbedded(LyricsEmbedded.SCHEMA_VERSION, song.songId(), song.revision(), false, null, 0,
                    embedderId(), embedderVersion(), null, 0.0, Map.of(), 0, false, Instant.now(), song.lyricsIdentity());
        }
        Embedded embedded = vector(text);
        LyricsVector vector = embedded.vector();
        LanguageGuess language = embedded.language();
        return new LyricsEmbedded(LyricsEmbedded.SCHEMA_VERSION, song.songId(), song.revision(), true, vector.values(), vector.dimension(),
                vector.embedderId(), vector.embedderVersion(), language.language(), language.confidence(), language.shares(),
                embedded.tokens(), embedded.truncated(), Instant.now(), song.lyricsIdentity());
    }

    /** A search text in the same space as the songs' lyrics. */
    public Embedded query(String raw) {
        LyricsText text = LyricsText.of(TextValidity.requireValid(raw), settings.maxChars());
        if (text.isEmpty()) {
            throw new IllegalArgumentException("the search text is empty once normalised");
        }
        return vector(text);
    }

    /** A text's vector, its language, and how much of it was read. */
    public record Embedded(LyricsVector vector, LanguageGuess language, int tokens, boolean truncated) {
    }

    private Embedded vector(LyricsText text) {
        LanguageGuess language = identifier.identify(text.text());
        if (transformer != null) {
            SentenceTransformer.Embedded embedded = transformer.embed(text.text());
            return new Embedded(embedded.vector(), language, embedded.tokens(), text.truncated() || embedded.truncated());
        }
        return new Embedded(embedder.embed(text.text(), language), language, text.tokenCount(), text.truncated());
    }
}
