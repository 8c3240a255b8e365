package dev.musicluster.training.domain.network;

/**
 * One epoch of training, averaged per song.
 *
 * @param epoch          1-based
 * @param loss           the objective (reconstruction + weighted KL)
 * @param reconstruction the reconstruction error alone
 * @param kl             the KL divergence alone (0 for the deterministic autoencoder)
 * @param seconds        wall time of the epoch
 * @param dataSeconds    the part of it spent gathering batches (the data pipeline), the rest is forward/backward
 */
public record EpochResult(int epoch, int epochs, double loss, double reconstruction, double kl, double seconds, double dataSeconds) {
}
