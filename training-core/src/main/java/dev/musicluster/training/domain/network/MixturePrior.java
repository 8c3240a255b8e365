package dev.musicluster.training.domain.network;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * VaDE's prior: a mixture of {@code K} diagonal Gaussians over the latent, its weights, means and variances learned
 * with the network. Input: latent points (n, d). Output: their log-density under the mixture (n).
 *
 * <p>The means start as draws from N(0, 1) — about √(2d) apart, so that each component claims a region from the
 * first step — the variances at 1 and the weights equal.
 */
public final class MixturePrior extends AbstractBlock {

    private static final byte VERSION = 1;
    static final float LOG_2PI = (float) Math.log(2 * Math.PI);
    /** Components' log-variances are bounded: a component shrunk onto one song would make its density unbounded. */
    private static final float MIN_LOG_VARIANCE = -6f;
    private static final float MAX_LOG_VARIANCE = 6f;

    private final int latent;
    private final Parameter means;
    private final Parameter logVariances;
    private final Parameter logits;

    public MixturePrior(int components, int latent) {
        super(VERSION);
        this.latent = latent;
        means = addParameter(Parameter.builder().setName("means").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(components, latent)).optInitializer(new NormalInitializer(1f)).build());
        logVariances = addParameter(Parameter.builder().setName("log-variances").setType(Parameter.Type.OTHER)
                .optShape(new Shape(components, latent)).optInitializer(new ConstantInitializer(0f)).build());
        logits = addParameter(Parameter.builder().setName("logits").setType(Parameter.Type.OTHER)
                .optShape(new Shape(components)).optInitializer(new ConstantInitializer(0f)).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray joint = joint(store, inputs.singletonOrThrow(), training);
        return new NDList(logSumExp(joint));
    }

    /** log p(c) + log N(z; μ_c, σ_c²) for every point (rows) and component (columns). */
    private NDArray joint(ParameterStore store, NDArray z, boolean training) {
        Device device = z.getDevice();
        NDArray mu = store.getValue(means, device, training);
        NDArray logVariance = store.getValue(logVariances, device, training).clip(MIN_LOG_VARIANCE, MAX_LOG_VARIANCE);
        NDArray logWeights = store.getValue(logits, device, training).logSoftmax(0);
        NDArray deviation = z.expandDims(1).sub(mu.expandDims(0));
        NDArray logDensity = Scalars.times(deviation.square().div(logVariance.exp().expandDims(0)).add(logVariance.expandDims(0))
                .add(LOG_2PI).sum(new int[] {2}), -0.5f);
        return logDensity.add(logWeights.expandDims(0));
    }

    private static NDArray logSumExp(NDArray rows) {
        NDArray max = rows.max(new int[] {1}, true).stopGradient();
        return rows.sub(max).exp().sum(new int[] {1}).log().add(max.squeeze(1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        if (inputShapes[0].get(1) != latent) {
            throw new IllegalArgumentException("the mixture prior is over " + latent + " latent values, not " + inputShapes[0].get(1));
        }
    }
}
