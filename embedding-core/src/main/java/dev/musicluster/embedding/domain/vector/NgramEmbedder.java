package dev.musicluster.embedding.domain.vector;

import dev.musicluster.embedding.domain.language.LanguageGuess;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The default, offline embedder, the same for every script: sub-linear term frequencies of hashed character 1–3-grams,
 * projected to {@code dimension} values by a seeded sign projection and L2-normalised, followed by a language block:
 * the identified language's shares over the configured languages, scaled by {@code languageWeight}. The content
 * part carries what the lyrics say; the language block makes songs in one language neighbours, which character
 * statistics alone do poorly when languages are as unbalanced as real catalogues are (see docs/embeddings.md).
 *
 * <p>A song's vector is a function of its text alone. Version 1 weighted the n-grams by inverse document frequencies
 * fitted on the songs ingested so far, so a song's vector depended on which songs the service had seen before it:
 * on the order in which the pipeline delivered them, different on every run (docs/embeddings.md).
 */
public final class NgramEmbedder {

    public static final String ID = "char-ngram-tf";
    public static final String VERSION = "2";
    /** Hashed n-gram buckets: 2^18, few collisions among a song's few thousand distinct n-grams. */
    public static final int BUCKETS = 1 << 18;
    /**
     * Two songs wholly in different languages end up 3·√2 ≈ 4.2 apart through the language block, more than the
     * content part (unit vectors) can ever separate two songs (2): language first, then what the lyrics say.
     */
    public static final double DEFAULT_LANGUAGE_WEIGHT = 3.0;
    public static final int DEFAULT_DIMENSION = 256;
    public static final long DEFAULT_SEED = 20_261_122L;

    private final CharNgrams ngrams;
    private final SignProjection projection;
    private final List<String> languages;
    private final double languageWeight;

    public NgramEmbedder(CharNgrams ngrams, SignProjection projection, List<String> languages, double languageWeight) {
        this.ngrams = ngrams;
        this.projection = projection;
        this.languages = List.copyOf(languages);
        this.languageWeight = languageWeight;
    }

    public static NgramEmbedder standard(List<String> languages) {
        return withLanguageWeight(languages, DEFAULT_LANGUAGE_WEIGHT);
    }

    public static NgramEmbedder withLanguageWeight(List<String> languages, double languageWeight) {
        return new NgramEmbedder(new CharNgrams(BUCKETS, 3), new SignProjection(DEFAULT_DIMENSION, DEFAULT_SEED), languages,
                languageWeight);
    }

    public int dimension() {
        return projection.dimension() + languages.size();
    }

    public CharNgrams ngrams() {
        return ngrams;
    }

    public LyricsVector embed(String normalisedText, LanguageGuess language) {
        Map<Integer, Integer> counts = ngrams.counts(normalisedText);
        Map<Integer, Double> weights = new HashMap<>(counts.size() * 2);
        for (Map.Entry<Integer, Integer> entry : counts.entrySet()) {
            weights.put(entry.getKey(), 1 + Math.log(entry.getValue()));
        }
        float[] content = projection.project(weights);
        double length = 0;
        for (float value : content) {
            length += value * value;
        }
        length = Math.sqrt(length);
        float[] vector = new float[dimension()];
        for (int j = 0; j < content.length; j++) {
            vector[j] = length > 0 ? (float) (content[j] / length) : 0f;
        }
        for (int l = 0; l < languages.size(); l++) {
            vector[content.length + l] = (float) (languageWeight * language.shares().getOrDefault(languages.get(l), 0.0));
        }
        return new LyricsVector(vector, ID, VERSION);
    }
}
