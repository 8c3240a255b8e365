package dev.musicluster.embedding.onnx;

import ai.djl.MalformedModelException;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import dev.musicluster.embedding.domain.vector.LyricsVector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A Hugging Face sentence-transformer exported to ONNX ({@code model.onnx} + {@code tokenizer.json}), run by DJL
 * on ONNX Runtime with Hugging Face's tokenizer: token embeddings mean-pooled over the attention mask, then
 * L2-normalised, as sentence-transformers does. Thread-safe: each call takes its own predictor.
 */
public final class SentenceTransformer implements AutoCloseable {

    static {
        // Models come from files or artifacts we ship; DJL must never try a model hub or a native download.
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }

    private final String id;
    private final HuggingFaceTokenizer tokenizer;
    private final ZooModel<NDList, NDList> model;
    private final boolean takesTokenTypes;

    private SentenceTransformer(String id, HuggingFaceTokenizer tokenizer, ZooModel<NDList, NDList> model, boolean takesTokenTypes) {
        this.id = id;
        this.tokenizer = tokenizer;
        this.model = model;
        this.takesTokenTypes = takesTokenTypes;
    }

    /**
     * @param maxTokens longer inputs are truncated to this many tokens (the model's position limit, 256 or 512)
     * @param takesTokenTypes BERT-style models take token_type_ids as a third input; XLM-R-style ones do not
     */
    public static SentenceTransformer load(String id, Path modelFile, Path tokenizerFile, int maxTokens, boolean takesTokenTypes)
            throws IOException {
        HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(tokenizerFile,
                Map.of("maxLength", Integer.toString(maxTokens), "truncation", "true", "padding", "false"));
        Criteria<NDList, NDList> criteria = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(modelFile)
                .optEngine("OnnxRuntime")
                .build();
        try {
            return new SentenceTransformer(id, tokenizer, criteria.loadModel(), takesTokenTypes);
        } catch (ModelNotFoundException | MalformedModelException e) {
            tokenizer.close();
            throw new IOException("cannot load ONNX model " + modelFile + ": " + e.getMessage(), e);
        }
    }

    public String id() {
        return id;
    }

    public record Embedded(LyricsVector vector, int tokens, boolean truncated) {
    }

    public Embedded embed(String text) {
        Encoding encoding = tokenizer.encode(text);
        long[] ids = encoding.getIds();
        long[] mask = encoding.getAttentionMask();
        Shape shape = new Shape(1, ids.length);
        try (NDManager manager = NDManager.newBaseManager("OnnxRuntime");
             Predictor<NDList, NDList> predictor = model.newPredictor()) {
            NDList inputs = new NDList(named(manager.create(ids, shape), "input_ids"), named(manager.create(mask, shape), "attention_mask"));
            if (takesTokenTypes) {
                inputs.add(named(manager.create(encoding.getTypeIds(), shape), "token_type_ids"));
            }
            NDArray output = predictor.predict(inputs).get(0);
            return new Embedded(new LyricsVector(meanPool(output.toFloatArray(), mask, (int) output.getShape().get(2)), id, "onnx"),
                    ids.length, encoding.exceedMaxLength());
        } catch (TranslateException e) {
            throw new IllegalStateException("ONNX inference failed for " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * Mean of the token vectors the attention mask keeps, then L2-normalised. Done here rather than on NDArrays:
     * DJL's ONNX Runtime arrays run models but have no arithmetic of their own.
     */
    static float[] meanPool(float[] tokens, long[] mask, int width) {
        double[] sum = new double[width];
        double kept = 0;
        for (int t = 0; t < mask.length; t++) {
            if (mask[t] == 0) {
                continue;
            }
            kept++;
            for (int j = 0; j < width; j++) {
                sum[j] += tokens[t * width + j];
            }
        }
        double norm = 0;
        for (int j = 0; j < width; j++) {
            sum[j] /= Math.max(1, kept);
            norm += sum[j] * sum[j];
        }
        norm = Math.max(Math.sqrt(norm), 1e-12);
        float[] pooled = new float[width];
        for (int j = 0; j < width; j++) {
            pooled[j] = (float) (sum[j] / norm);
        }
        return pooled;
    }

    private static NDArray named(NDArray array, String name) {
        array.setName(name);
        return array;
    }

    @Override
    public void close() {
        model.close();
        tokenizer.close();
    }
}
