package dev.musicluster.training.domain.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * The negative evidence lower bound per song, averaged over the batch: Gaussian reconstruction error
 * {@code ½‖x − x̂‖²} of the audio input (and of the lyrics embedding where a song has lyrics, weighted by
 * √(audio values / lyrics values)) plus the weighted KL divergence of the latent from the standard normal, or
 * {@code β·|KL − C|} when a capacity C is set. Under a mixture prior the KL has no closed form: it is the posterior's
 * negative entropy (closed form) minus the prior's log-density of the sampled latent (one Monte Carlo draw, as for
 * the reconstruction). Labels are the network's inputs; predictions its outputs.
 */
public final class ElboLoss extends Loss {

    private final NetworkShape shape;
    /**
     * √ of the ratio of the inputs' sizes (≈ 7.8 for a 128 × 128 log-mel and 270 lyrics values): lyrics weigh far
     * more than their 270 values would alone, yet not the full ratio (≈ 61), at which training on real songs
     * diverged (songs-en-de: loss 4e4 → 1e9 in 10 epochs) while √ trains smoothly.
     */
    private final float lyricsWeight;
    private float klWeight;

    public ElboLoss(NetworkShape shape) {
        super("elbo");
        this.shape = shape;
        this.lyricsWeight = !shape.spec().input().usesLyrics() ? 0f
                : shape.spec().lyricsWeight() > 0 ? (float) shape.spec().lyricsWeight()
                : (float) Math.sqrt((double) shape.audioWidth() / shape.lyricsWidth());
        this.klWeight = (float) shape.spec().klWeight(0);
    }

    /** Sets the KL weight of the epoch about to run (annealing). */
    public void startEpoch(int epoch) {
        klWeight = (float) shape.spec().klWeight(epoch);
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        return terms(labels, predictions).total();
    }

    public Terms terms(NDList inputs, NDList outputs) {
        long batch = inputs.get(0).getShape().get(0);
        NDArray reconstruction = squaredError(inputs.get(0), outputs.get(0), batch);
        if (shape.spec().input().usesLyrics()) {
            NDArray mask = inputs.get(2).reshape(batch);
            reconstruction = reconstruction.add(Scalars.times(squaredError(inputs.get(1), outputs.get(1), batch).mul(mask), lyricsWeight));
        }
        int latentAt = VaeNetwork.meanAt(shape);
        NDArray mean = outputs.get(latentAt);
        NDArray logVariance = outputs.get(latentAt + 1);
        NDArray meanReconstruction = reconstruction.mean();
        if (!shape.spec().variational()) {
            return new Terms(meanReconstruction, meanReconstruction, meanReconstruction.zerosLike());
        }
        // Constants as float: DJL would make a Java double a float64 tensor and promote the whole graph.
        NDArray kl = shape.spec().mixturePrior()
                ? Scalars.times(logVariance.add(MixturePrior.LOG_2PI + 1f).sum(new int[] {1}), -0.5f).sub(outputs.get(latentAt + 2)).mean()
                : Scalars.times(mean.square().add(logVariance.exp()).sub(logVariance).sub(1f).sum(new int[] {1}), 0.5f).mean();
        NDArray penalty = shape.spec().capacity() > 0 ? kl.sub((float) shape.spec().capacity()).abs() : kl;
        return new Terms(meanReconstruction.add(Scalars.times(penalty, klWeight)), meanReconstruction, kl);
    }

    private static NDArray squaredError(NDArray target, NDArray reconstruction, long batch) {
        return Scalars.times(target.sub(reconstruction).square().reshape(batch, -1).sum(new int[] {1}), 0.5f);
    }

    /** The loss and its parts, each a scalar. */
    public record Terms(NDArray total, NDArray reconstruction, NDArray kl) {
    }
}
