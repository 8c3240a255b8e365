package dev.musicluster.training.domain.network;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.musicluster.training.domain.data.CropPairs;
import dev.musicluster.training.domain.data.Normalisation;
import dev.musicluster.training.domain.data.ScaledInputs;
import dev.musicluster.training.domain.data.TrainingSet;
import dev.musicluster.training.domain.model.HyperParameters;
import dev.musicluster.training.domain.model.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Fits one member of the family: normalisation fitted on the training set, Adam on shuffled mini-batches gathered
 * on the device (for the contrastive model: {@code crop-pairs} passes per epoch, each batch two augmented crops of
 * each of its songs, cut on the host), one {@link EpochResult} per epoch to the listener. The seed fixes
 * initialisation (PyTorch's generator), shuffling, the reparameterisation noise and the crops: on CPU the same seed
 * gives the same model.
 */
public final class NetworkTraining implements AutoCloseable {

    /** Each gradient element is clipped to ±this before Adam's step: one bad batch must not wreck the weights. */
    private static final float GRADIENT_CLIP = 10f;

    private final Model model;
    private final FamilyNetwork network;
    private final Normalisation normalisation;
    /** The VAE family's objective; null for the contrastive model. */
    private final ElboLoss loss;
    /** The contrastive model's views and objective; null for the VAE family. */
    private final CropPairs crops;
    private final NtXentLoss ntXent;
    private final Trainer trainer;
    private final NDManager data;
    private final InputTensors tensors;
    private final HyperParameters hp;
    private final Random shuffle;
    private final int songs;
    private final List<EpochResult> history = new ArrayList<>();
    private boolean finished;

    private NetworkTraining(ModelSpec spec, HyperParameters hp, TrainingSet set, Device device) {
        if (set.size() < 2) {
            throw new IllegalArgumentException("training needs at least 2 songs, got " + set.size());
        }
        if (spec.pretrained()) {
            throw new IllegalArgumentException(spec.kind().id() + " is pretrained: there is nothing to train here");
        }
        this.hp = hp;
        songs = set.size();
        normalisation = Normalisation.fit(set, spec.input().usesLogMel(), spec.input().usesLyrics(), spec.conditional());
        ScaledInputs scaled = normalisation.scale(set);
        NetworkShape shape = new NetworkShape(spec, set.summaryWidth(), set.mels(), set.frames(), set.lyricsWidth(),
                normalisation.conditionLevels().size());
        Devices.engine().setRandomSeed((int) hp.seed());
        model = Model.newInstance(spec.kind().id(), device, Devices.ENGINE);
        network = FamilyNetwork.of(shape);
        model.setBlock(network);
        shuffle = new Random(hp.seed());
        loss = spec.contrastive() ? null : new ElboLoss(shape);
        ntXent = spec.contrastive() ? new NtXentLoss(hp.temperature()) : null;
        crops = spec.contrastive()
                ? new CropPairs(scaled.logMel(), set.mels(), set.frames(), hp.cropFrames(), normalisation.logMel().std(),
                        new SplittableRandom(hp.seed()))
                : null;
        DefaultTrainingConfig config = new DefaultTrainingConfig(spec.contrastive() ? ntXent : loss)
                .optOptimizer(new ClippedGradients(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) hp.learningRate())).build(),
                        GRADIENT_CLIP))
                .optDevices(new Device[] {device});
        try {
            trainer = model.newTrainer(config);
            trainer.initialize(shape.inputShapes(hp.batch()));
            data = model.getNDManager().newSubManager();
            tensors = spec.contrastive() ? null : new InputTensors(shape, scaled, data);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Normalisation fitted, network initialised, the data set on the device: ready for {@link #epoch()}. */
    public static NetworkTraining start(ModelSpec spec, HyperParameters hp, TrainingSet set, Device device) {
        return new NetworkTraining(spec, hp, set, device);
    }

    /** Trains for the requested epochs, reporting each. */
    public static TrainedNetwork fit(ModelSpec spec, HyperParameters hp, TrainingSet set, Device device,
                                     Consumer<EpochResult> listener) {
        try (NetworkTraining training = start(spec, hp, set, device)) {
            for (int epoch = 0; epoch < hp.epochs(); epoch++) {
                listener.accept(training.epoch());
            }
            return training.finish();
        }
    }

    /** One more pass over the shuffled data set ({@code crop-pairs} passes for the contrastive model). */
    public EpochResult epoch() {
        int next = history.size();
        if (loss != null) {
            loss.startEpoch(next);
        }
        EpochResult result = epoch(next + 1);
        if (!Double.isFinite(result.loss())) {
            throw new IllegalStateException(network.shape().spec().kind().id() + " diverged in epoch " + result.epoch()
                    + " (loss " + result.loss() + "): lower lr or raise batch");
        }
        history.add(result);
        return result;
    }

    /** Only the data pipeline of an epoch: every batch gathered (or cut), no forward or backward pass. */
    public double gatherSeconds() {
        long start = System.nanoTime();
        for (long[] rows : epochBatches()) {
            try (NDManager batchManager = trainer.getManager().newSubManager()) {
                gather(rows, batchManager);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The trained network; it outlives this training, which is closed. */
    public TrainedNetwork finish() {
        finished = true;
        trainer.close();
        data.close();
        return new TrainedNetwork(model, network, normalisation, history);
    }

    @Override
    public void close() {
        if (!finished) {
            trainer.close();
            model.close();
        }
    }

    private EpochResult epoch(int epoch) {
        long start = System.nanoTime();
        long dataNanos = 0;
        double total = 0;
        double reconstruction = 0;
        double kl = 0;
        int seen = 0;
        for (long[] rows : epochBatches()) {
            try (NDManager batchManager = trainer.getManager().newSubManager()) {
                long gatherStart = System.nanoTime();
                NDList inputs = gather(rows, batchManager);
                dataNanos += System.nanoTime() - gatherStart;
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    ElboLoss.Terms terms = terms(inputs, trainer.forward(inputs));
                    collector.backward(terms.total());
                    total += terms.total().getFloat() * rows.length;
                    reconstruction += terms.reconstruction().getFloat() * rows.length;
                    kl += terms.kl().getFloat() * rows.length;
                    seen += rows.length;
                }
                trainer.step();
            }
        }
        return new EpochResult(epoch, hp.epochs(), total / seen, reconstruction / seen, kl / seen,
                (System.nanoTime() - start) / 1e9, dataNanos / 1e9);
    }

    /** One shuffled partition of the songs; the contrastive model takes {@code crop-pairs} of them per epoch. */
    private List<long[]> epochBatches() {
        List<long[]> all = new ArrayList<>();
        for (int pass = 0; pass < (crops == null ? 1 : hp.cropPairs()); pass++) {
            all.addAll(batches(songs, hp.batch(), shuffle));
        }
        return all;
    }

    /** The songs' inputs from the device, or for the contrastive model two augmented crops of each cut on the host. */
    private NDList gather(long[] rows, NDManager manager) {
        if (crops == null) {
            return tensors.rows(rows, manager);
        }
        return new NDList(manager.create(crops.views(rows), new Shape(2L * rows.length, 1, network.shape().mels(), hp.cropFrames())));
    }

    /** The objective and its parts; NT-Xent has neither reconstruction nor KL. */
    private ElboLoss.Terms terms(NDList inputs, NDList outputs) {
        if (loss != null) {
            return loss.terms(inputs, outputs);
        }
        NDArray value = ntXent.evaluate(inputs, outputs);
        return new ElboLoss.Terms(value, value.zerosLike(), value.zerosLike());
    }

    /**
     * A shuffled partition of the songs into batches of the requested size; a last batch of one song joins the one
     * before it, since batch normalisation cannot train on a single song.
     */
    static List<long[]> batches(int songs, int batch, Random random) {
        long[] order = new long[songs];
        for (int i = 0; i < songs; i++) {
            order[i] = i;
        }
        for (int i = songs - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        List<long[]> batches = new ArrayList<>();
        int size = Math.min(batch, songs);
        for (int from = 0; from < songs; from += size) {
            int to = Math.min(songs, from + size);
            if (songs - to == 1) {
                to = songs;
            }
            batches.add(java.util.Arrays.copyOfRange(order, from, to));
            if (to == songs) {
                break;
            }
        }
        return batches;
    }
}
