package dev.musicluster.bench;

import dev.musicluster.demo.PublicDomainLyrics;
import dev.musicluster.embedding.domain.language.LanguageGuess;
import dev.musicluster.embedding.domain.language.LanguageIdentifier;
import dev.musicluster.embedding.domain.text.LyricsText;
import dev.musicluster.embedding.domain.vector.LyricsVector;
import dev.musicluster.embedding.domain.vector.NgramEmbedder;
import dev.musicluster.embedding.onnx.ModelFiles;
import dev.musicluster.embedding.onnx.SentenceTransformer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One song's lyrics per operation, cycling through the demo corpus's verse in six languages and scripts: the
 * default embedder (normalisation, language identification, n-gram TF-IDF, projection) and the ONNX MiniLM
 * (tokenisation and inference; language identification is the same for both and measured in the first).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EmbeddingBenchmark {

    private final List<String> lyrics = new ArrayList<>();
    private LanguageIdentifier identifier;
    private NgramEmbedder ngram;
    private SentenceTransformer miniLm;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        for (String language : PublicDomainLyrics.LANGUAGES) {
            for (String passage : PublicDomainLyrics.passages(language)) {
                lyrics.add(String.join("\n", passage, passage, passage));
            }
        }
        identifier = new LanguageIdentifier(LanguageIdentifier.DEFAULT_LANGUAGES);
        ngram = NgramEmbedder.standard(LanguageIdentifier.DEFAULT_LANGUAGES);
        miniLm = SentenceTransformer.load("all-minilm-l6-v2", ModelFiles.resolve("classpath:all-minilm-l6-v2.onnx"),
                ModelFiles.resolve("classpath:all-minilm-l6-v2-tokenizer.json"), 256, true);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        miniLm.close();
    }

    @Benchmark
    public LyricsVector defaultEmbedder() {
        String text = LyricsText.of(lyrics.get(next++ % lyrics.size()), 20_000).text();
        LanguageGuess language = identifier.identify(text);
        return ngram.embed(text, language);
    }

    @Benchmark
    public SentenceTransformer.Embedded onnxMiniLm() {
        return miniLm.embed(LyricsText.of(lyrics.get(next++ % lyrics.size()), 20_000).text());
    }
}
