package dev.musicluster.embedding.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

@ConfigMapping(prefix = "musicluster.embedding")
public interface EmbeddingSettings {

    /** Languages to identify (ISO 639-1), also the language block of the default embedder. */
    @WithDefault("bn,en,hi,ko,ja,es,de,fr,pt,it,nl,ru,tr,id")
    List<String> languages();

    /** Longer lyrics are cut, with the truncation flag set. */
    @WithDefault("20000")
    int maxChars();

    @WithDefault("3.0")
    double languageWeight();

    /** {@code ngram} (the default, offline, every script) or {@code onnx} (a sentence-transformer, see {@link Onnx}). */
    @WithDefault("ngram")
    String embedder();

    Onnx onnx();

    /** A Hugging Face sentence-transformer exported to ONNX. Locations are paths or {@code classpath:NAME}. */
    interface Onnx {
        @WithDefault("all-minilm-l6-v2")
        String id();

        @WithDefault("classpath:all-minilm-l6-v2.onnx")
        String model();

        @WithDefault("classpath:all-minilm-l6-v2-tokenizer.json")
        String tokenizer();

        @WithDefault("256")
        int maxTokens();

        /** BERT-style models take token_type_ids; XLM-RoBERTa-style (multilingual mpnet, BGE-M3) do not. */
        @WithDefault("true")
        boolean tokenTypes();
    }
}
