package dev.musicluster.training.domain.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A training request's hyper-parameters; every one has a documented default (docs/training.md), and a request
 * overrides any of them by name. An unknown name or a value out of range is refused, not ignored.
 *
 * @param latent        latent dimensions
 * @param epochs        passes over the training set
 * @param batch         songs per optimisation step
 * @param learningRate  Adam's step size
 * @param beta          weight of the KL term for beta-vae (the other VAEs use 1)
 * @param betaBase      the architecture beta-vae weights: vae, conv-vae or hybrid-vae
 * @param klWarmup      epochs over which the KL weight rises linearly from 0 (0: no annealing)
 * @param capacity      target KL in nats for beta-vae's capacity objective β·|KL − C| (0: plain β·KL)
 * @param condition     the label column cvae conditions on
 * @param melFrames     frames the log-mel spectrogram is pooled to (a multiple of 16)
 * @param hybridAudio   what of the audio the hybrid model reads beside the lyrics: summary (the summary vector) or log-mel
 * @param lyricsWeight  weight of the hybrid's lyrics reconstruction; 0: √(audio values / lyrics values)
 * @param songFrames    frames per minute at which the contrastive model reads a song, and the frames it crops from
 *                      (a multiple of 16; a shorter song repeats, a longer one gives its centre)
 * @param cropFrames    frames of each contrastive crop (a multiple of 16, at most song-frames)
 * @param cropPairs     pairs of crops per song and epoch for the contrastive model
 * @param temperature   NT-Xent's temperature for the contrastive model
 * @param components    Gaussians in vade's mixture prior (a run that names k gets k unless this is set)
 * @param vector        the song vector the dense models read (vae, ae, cvae, vade, beta-vae on vae, hybrid-vae on
 *                      summary): summary, musicnn, or auto (musicnn when every song of the run has it)
 * @param seed          seeds initialisation, shuffling and sampling: on CPU a seed makes a run reproducible
 */
public record HyperParameters(int latent, int epochs, int batch, double learningRate, double beta, ModelKind betaBase,
                              int klWarmup, double capacity, String condition, int melFrames, String hybridAudio,
                              double lyricsWeight, int songFrames, int cropFrames, int cropPairs, double temperature,
                              int components, String vector, long seed) {

    public static final HyperParameters DEFAULTS = new HyperParameters(32, 40, 32, 1e-3, 4.0, ModelKind.CONV_VAE, 0, 0.0,
            "language", 128, "summary", 0.0, 1280, 64, 16, 0.1, 10, "auto", 42L);

    private static final Set<String> NAMES = Set.copyOf(DEFAULTS.toMap().keySet());

    public HyperParameters {
        require(latent >= 2 && latent <= 1024, "latent must be in 2..1024, not " + latent);
        require(epochs >= 1 && epochs <= 10_000, "epochs must be in 1..10000, not " + epochs);
        require(batch >= 2 && batch <= 4096, "batch must be in 2..4096, not " + batch);
        require(learningRate > 0 && learningRate < 1, "lr must be in (0, 1), not " + learningRate);
        require(beta > 0, "beta must be positive, not " + beta);
        require(betaBase == ModelKind.VAE || betaBase == ModelKind.CONV_VAE || betaBase == ModelKind.HYBRID_VAE,
                "beta-base must be vae, conv-vae or hybrid-vae, not " + betaBase.id());
        require(klWarmup >= 0, "kl-warmup must not be negative");
        require(capacity >= 0, "capacity must not be negative");
        require(condition != null && !condition.isBlank(), "condition must name a label column");
        require(melFrames >= 16 && melFrames % 16 == 0 && melFrames <= 4096, "mel-frames must be a multiple of 16 in 16..4096");
        require(lyricsWeight >= 0 && lyricsWeight <= 10_000, "lyrics-weight must be in 0..10000, not " + lyricsWeight);
        require(songFrames >= 16 && songFrames % 16 == 0 && songFrames <= 8192, "song-frames must be a multiple of 16 in 16..8192");
        require(cropFrames >= 16 && cropFrames % 16 == 0 && cropFrames <= songFrames, "crop-frames must be a multiple of 16 in 16..song-frames");
        require(cropPairs >= 1 && cropPairs <= 1000, "crop-pairs must be in 1..1000, not " + cropPairs);
        require(components >= 1 && components <= 256, "components must be in 1..256, not " + components);
        require(temperature >= 0.01 && temperature <= 10, "temperature must be in 0.01..10, not " + temperature);
        require("auto".equals(vector) || "summary".equals(vector) || "musicnn".equals(vector),
                "vector must be auto, summary or musicnn, not " + vector);
        require("log-mel".equals(hybridAudio) || "summary".equals(hybridAudio), "hybrid-audio must be log-mel or summary, not " + hybridAudio);
    }

    /** The defaults with the given overrides; names as in {@link #toMap()}. */
    public static HyperParameters of(Map<String, String> overrides) {
        for (String name : overrides.keySet()) {
            require(NAMES.contains(name), "unknown hyper-parameter '" + name + "'; known: " + String.join(", ", NAMES));
        }
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS.toMap());
        values.putAll(overrides);
        try {
            return new HyperParameters(Integer.parseInt(values.get("latent")), Integer.parseInt(values.get("epochs")),
                    Integer.parseInt(values.get("batch")), Double.parseDouble(values.get("lr")),
                    Double.parseDouble(values.get("beta")), ModelKind.of(values.get("beta-base")),
                    Integer.parseInt(values.get("kl-warmup")), Double.parseDouble(values.get("capacity")),
                    values.get("condition"), Integer.parseInt(values.get("mel-frames")), values.get("hybrid-audio"),
                    Double.parseDouble(values.get("lyrics-weight")), Integer.parseInt(values.get("song-frames")),
                    Integer.parseInt(values.get("crop-frames")), Integer.parseInt(values.get("crop-pairs")),
                    Double.parseDouble(values.get("temperature")), Integer.parseInt(values.get("components")),
                    values.get("vector"), Long.parseLong(values.get("seed")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("hyper-parameter is not a number: " + e.getMessage(), e);
        }
    }

    /**
     * The hyper-parameters of a run that asks for {@code k} clusters ("auto", a number, or null): vade's mixture gets
     * k components unless the overrides name {@code components} themselves.
     */
    public static HyperParameters forRun(Map<String, String> overrides, String k) {
        if (k == null || !k.strip().matches("\\d+") || overrides.containsKey("components")) {
            return of(overrides);
        }
        Map<String, String> withComponents = new LinkedHashMap<>(overrides);
        withComponents.put("components", k.strip());
        return of(withComponents);
    }

    /** Every hyper-parameter by its request name, in a stable order (provenance, config.json). */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("latent", Integer.toString(latent));
        map.put("epochs", Integer.toString(epochs));
        map.put("batch", Integer.toString(batch));
        map.put("lr", Double.toString(learningRate));
        map.put("beta", Double.toString(beta));
        map.put("beta-base", betaBase.id());
        map.put("kl-warmup", Integer.toString(klWarmup));
        map.put("capacity", Double.toString(capacity));
        map.put("condition", condition);
        map.put("mel-frames", Integer.toString(melFrames));
        map.put("hybrid-audio", hybridAudio);
        map.put("lyrics-weight", Double.toString(lyricsWeight));
        map.put("song-frames", Integer.toString(songFrames));
        map.put("crop-frames", Integer.toString(cropFrames));
        map.put("crop-pairs", Integer.toString(cropPairs));
        map.put("temperature", Double.toString(temperature));
        map.put("components", Integer.toString(components));
        map.put("vector", vector);
        map.put("seed", Long.toString(seed));
        return map;
    }

    /** The song vector of the dense models; {@code auto} is musicnn's until a run resolves it ({@link #resolveVector}). */
    public SongVector songVector() {
        return "auto".equals(vector) ? SongVector.MUSICNN : SongVector.of(vector);
    }

    /** {@code auto} made definite: musicnn when every song of the run has its musicnn representation, else the summary. */
    public HyperParameters resolveVector(boolean everySongHasMusicnn) {
        if (!"auto".equals(vector)) {
            return this;
        }
        Map<String, String> values = new LinkedHashMap<>(toMap());
        values.put("vector", everySongHasMusicnn ? "musicnn" : "summary");
        return of(values);
    }

    /** What the hybrid model reads: the lyrics, with the spectrogram or with the summary vector. */
    public Input hybridInput() {
        return "summary".equals(hybridAudio) ? Input.SUMMARY_AND_LYRICS : Input.LOG_MEL_AND_LYRICS;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
