package dev.musicluster.training.domain.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * One network for the whole family: an audio encoder (dense on the summary vector, convolutional on the log-mel),
 * optionally a lyrics encoder whose output is masked for songs without lyrics, optionally a one-hot condition; all
 * fused into a Gaussian latent (mean and log-variance heads) or, for the plain autoencoder, a deterministic one;
 * decoders mirror the encoders and read the latent plus the condition.
 *
 * <p>Inputs, in order: audio, then lyrics and lyrics mask (hybrid), then condition (conditional). Outputs: audio
 * reconstruction, lyrics reconstruction (hybrid), latent mean, latent log-variance (zeros when deterministic), and
 * with a mixture prior (vade) the prior's log-density of the latent the decoders read. In training mode that latent
 * is sampled by reparameterisation; otherwise the decoders read the mean.
 */
public final class VaeNetwork extends AbstractBlock implements FamilyNetwork {

    private static final byte VERSION = 1;
    private static final float MAX_LOG_VARIANCE = 10f;

    private final NetworkShape shape;
    private final Block audioEncoder;
    private final Block lyricsEncoder;
    private final Block fusion;
    private final Block meanHead;
    private final Block logVarianceHead;
    private final Block audioDecoder;
    private final Block lyricsDecoder;
    private final MixturePrior prior;

    public VaeNetwork(NetworkShape shape) {
        super(VERSION);
        this.shape = shape;
        boolean logMel = shape.spec().input().usesLogMel();
        boolean lyrics = shape.spec().input().usesLyrics();
        int latent = shape.spec().latent();
        audioEncoder = addChildBlock("audio-encoder", logMel ? Layers.convEncoder() : Layers.dense(Layers.HIDDEN, Layers.HIDDEN));
        lyricsEncoder = lyrics ? addChildBlock("lyrics-encoder", Layers.dense(Layers.LYRICS_HIDDEN)) : null;
        fusion = addChildBlock("fusion", Layers.dense(Layers.HIDDEN));
        meanHead = addChildBlock("mean", Linear.builder().setUnits(latent).build());
        logVarianceHead = shape.spec().variational() ? addChildBlock("log-variance", Linear.builder().setUnits(latent).build()) : null;
        audioDecoder = addChildBlock("audio-decoder", logMel
                ? Layers.convDecoder(shape.mels(), shape.frames())
                : Layers.denseDecoder(shape.summaryWidth(), Layers.HIDDEN, Layers.HIDDEN));
        lyricsDecoder = lyrics ? addChildBlock("lyrics-decoder", Layers.denseDecoder(shape.lyricsWidth(), Layers.LYRICS_HIDDEN)) : null;
        prior = shape.spec().mixturePrior() ? addChildBlock("prior", new MixturePrior(shape.spec().components(), latent)) : null;
    }

    /** Where the latent mean is among the outputs; the log-variance follows it. */
    static int meanAt(NetworkShape shape) {
        return shape.spec().input().usesLyrics() ? 2 : 1;
    }

    @Override
    public NetworkShape shape() {
        return shape;
    }

    @Override
    public NDArray encode(ParameterStore store, NDList inputs) {
        return meanHead.forward(store, new NDList(hidden(store, Parts.of(shape, inputs), false)), false).singletonOrThrow();
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        Parts in = Parts.of(shape, inputs);
        NDArray hidden = hidden(store, in, training);
        NDArray mean = meanHead.forward(store, new NDList(hidden), training).singletonOrThrow();
        // The log-variance is bounded: exp() of an unbounded head overflows once a gradient step overshoots.
        NDArray logVariance = logVarianceHead == null
                ? mean.zerosLike()
                : logVarianceHead.forward(store, new NDList(hidden), training).singletonOrThrow().clip(-MAX_LOG_VARIANCE, MAX_LOG_VARIANCE);
        NDArray z = mean;
        if (training && logVarianceHead != null) {
            NDArray noise = mean.getManager().randomNormal(mean.getShape());
            z = mean.add(noise.mul(Scalars.times(logVariance, 0.5f).exp()));
        }
        NDArray decoderInput = in.condition == null ? z : NDArrays.concat(new NDList(z, in.condition), 1);
        NDList out = new NDList(audioDecoder.forward(store, new NDList(decoderInput), training).singletonOrThrow());
        if (lyricsDecoder != null) {
            out.add(lyricsDecoder.forward(store, new NDList(decoderInput), training).singletonOrThrow());
        }
        out.add(mean);
        out.add(logVariance);
        if (prior != null) {
            out.add(prior.forward(store, new NDList(z), training).singletonOrThrow());
        }
        return out;
    }

    /** The encoders' outputs fused: what the mean and log-variance heads read. */
    private NDArray hidden(ParameterStore store, Parts in, boolean training) {
        List<NDArray> fused = new ArrayList<>();
        fused.add(audioEncoder.forward(store, new NDList(in.audio), training).singletonOrThrow());
        if (lyricsEncoder != null) {
            NDArray lyricsHidden = lyricsEncoder.forward(store, new NDList(in.lyrics), training).singletonOrThrow();
            fused.add(lyricsHidden.mul(in.mask));
            fused.add(in.mask);
        }
        if (in.condition != null) {
            fused.add(in.condition);
        }
        return fusion.forward(store, new NDList(NDArrays.concat(new NDList(fused), 1)), training).singletonOrThrow();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long batch = inputShapes[0].get(0);
        List<Shape> shapes = new ArrayList<>();
        shapes.add(inputShapes[0]);
        if (lyricsDecoder != null) {
            shapes.add(new Shape(batch, shape.lyricsWidth()));
        }
        shapes.add(new Shape(batch, shape.spec().latent()));
        shapes.add(new Shape(batch, shape.spec().latent()));
        if (prior != null) {
            shapes.add(new Shape(batch));
        }
        return shapes.toArray(Shape[]::new);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long batch = inputShapes[0].get(0);
        audioEncoder.initialize(manager, dataType, inputShapes[0]);
        long fused = Layers.HIDDEN;
        if (lyricsEncoder != null) {
            lyricsEncoder.initialize(manager, dataType, inputShapes[1]);
            fused += Layers.LYRICS_HIDDEN + 1;
        }
        if (shape.spec().conditional()) {
            fused += shape.conditionWidth();
        }
        fusion.initialize(manager, dataType, new Shape(batch, fused));
        meanHead.initialize(manager, dataType, new Shape(batch, Layers.HIDDEN));
        if (logVarianceHead != null) {
            logVarianceHead.initialize(manager, dataType, new Shape(batch, Layers.HIDDEN));
        }
        Shape decoderInput = new Shape(batch, shape.spec().latent() + (shape.spec().conditional() ? shape.conditionWidth() : 0));
        audioDecoder.initialize(manager, dataType, decoderInput);
        if (lyricsDecoder != null) {
            lyricsDecoder.initialize(manager, dataType, decoderInput);
        }
        if (prior != null) {
            prior.initialize(manager, dataType, new Shape(batch, shape.spec().latent()));
        }
    }

    /** The network's inputs by role. */
    private record Parts(NDArray audio, NDArray lyrics, NDArray mask, NDArray condition) {

        static Parts of(NetworkShape shape, NDList inputs) {
            int next = 1;
            NDArray lyrics = null;
            NDArray mask = null;
            if (shape.spec().input().usesLyrics()) {
                lyrics = inputs.get(next++);
                mask = inputs.get(next++);
            }
            NDArray condition = shape.spec().conditional() ? inputs.get(next) : null;
            return new Parts(inputs.get(0), lyrics, mask, condition);
        }
    }
}
