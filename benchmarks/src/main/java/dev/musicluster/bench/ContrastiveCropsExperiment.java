package dev.musicluster.bench;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.musicluster.contracts.tensor.NpyArray;
import dev.musicluster.contracts.tensor.NpyFormat;
import dev.musicluster.training.domain.data.FeatureScaler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The quality issue's "crops, augmentation and a contrastive objective" lever, as an experiment outside the product
 * (docs/quality.md): a small convolutional encoder trained with SimCLR's NT-Xent loss on pairs of random 128-frame
 * (3-s) log-mel crops of the same song, each crop shifted in gain (σ 3 dB) and by up to two mel bands and given
 * noise (σ 0.1 after per-band standardisation); a song's embedding is the encoder's output averaged over 16 crops
 * spread across it. Labels play no part; score the output with {@code musicluster cluster}.
 *
 * <pre>
 * ./musicluster features ../shared/data/emotify-dev/audio/*.mp3 --out /tmp/f
 * java -Dai.djl.offline=true -cp benchmarks/target/benchmarks.jar dev.musicluster.bench.ContrastiveCropsExperiment \
 *     /tmp/f /tmp/c [steps 2000] [temperature 0.1] [seed 42]
 * ./musicluster cluster --input /tmp/c/embeddings.npy --ids /tmp/c/ids.txt \
 *     --labels ../shared/data/emotify-dev/songs.csv --label-columns genre --k 4 --out /tmp/cr
 * </pre>
 */
public final class ContrastiveCropsExperiment {

    private static final int MELS = 128;
    private static final int CROP = 128;
    private static final int BATCH = 32;
    private static final int EMBEDDING_CROPS = 16;

    private ContrastiveCropsExperiment() {
    }

    public static void main(String[] args) throws IOException {
        Path features = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        float temperature = args.length > 3 ? Float.parseFloat(args[3]) : 0.1f;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 42L;
        Songs songs = Songs.read(features);
        Engine.getInstance().setRandomSeed((int) seed);
        Random random = new Random(seed);
        SequentialBlock encoder = new SequentialBlock();
        for (int channels : new int[] {16, 32, 64, 64}) {
            encoder.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(2, 2)).optPadding(new Shape(1, 1))
                            .setFilters(channels).build())
                    .add(BatchNorm.builder().build()).add(Activation.reluBlock());
        }
        encoder.add(Pool.globalAvgPool2dBlock()).add(Blocks.batchFlattenBlock());
        SequentialBlock projection = new SequentialBlock().add(Linear.builder().setUnits(64).build())
                .add(Activation.reluBlock()).add(Linear.builder().setUnits(32).build());
        try (Model model = Model.newInstance("contrastive-crops", Device.cpu())) {
            model.setBlock(new SequentialBlock().add(encoder).add(projection));
            // The loss is computed by hand below; the configuration's loss is never evaluated.
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(2 * BATCH, 1, MELS, CROP));
                long start = System.nanoTime();
                for (int step = 0; step < steps; step++) {
                    try (NDManager batch = trainer.getManager().newSubManager()) {
                        NDArray crops = batch.create(songs.augmentedPairs(random), new Shape(2 * BATCH, 1, MELS, CROP));
                        try (GradientCollector collector = trainer.newGradientCollector()) {
                            NDArray loss = ntXent(trainer.forward(new NDList(crops)).singletonOrThrow(), temperature, batch);
                            collector.backward(loss);
                            if (step % 100 == 0 || step == steps - 1) {
                                System.out.printf("step %d  NT-Xent %.3f  (%.0f s)%n", step, loss.getFloat(), (System.nanoTime() - start) / 1e9);
                            }
                        }
                        trainer.step();
                    }
                }
                float[][] embeddings = songs.embed(encoder, trainer.getManager());
                Files.createDirectories(out);
                NpyFormat.write(NpyArray.ofRows(embeddings), out.resolve("embeddings.npy"));
                Files.write(out.resolve("ids.txt"), songs.ids);
                System.out.printf("%d songs, %d values each: %s%n", embeddings.length, embeddings[0].length, out.resolve("embeddings.npy"));
            }
        }
    }

    /** SimCLR's loss: rows i and i + n are the two views of one song; every other row of the batch is a negative. */
    private static NDArray ntXent(NDArray projected, float temperature, NDManager manager) {
        int rows = (int) projected.getShape().get(0);
        NDArray unit = projected.div(projected.norm(new int[] {1}, true).add(1e-6f));
        NDArray similarity = unit.matMul(unit.transpose()).div(temperature).sub(manager.eye(rows).mul(1e4f));
        float[] positives = new float[rows * rows];
        for (int i = 0; i < rows; i++) {
            positives[i * rows + (i + rows / 2) % rows] = 1f;
        }
        return similarity.logSoftmax(1).mul(manager.create(positives, new Shape(rows, rows))).sum().div(-rows);
    }

    /** The songs' log-mel spectrograms, standardised per band over all songs and frames. */
    private record Songs(List<String> ids, List<float[]> logMels, List<Integer> frames, float[] mean, float[] std) {

        static Songs read(Path dir) throws IOException {
            List<String> ids = new ArrayList<>();
            List<float[]> logMels = new ArrayList<>();
            List<Integer> frames = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".logmel.npy")).sorted().toList()) {
                    NpyArray logMel = NpyFormat.read(file);
                    if (logMel.shape()[0] != MELS || logMel.shape()[1] < CROP) {
                        throw new IllegalArgumentException(file + ": expected " + MELS + " mel bands and at least " + CROP + " frames");
                    }
                    ids.add(file.getFileName().toString().replace(".logmel.npy", ""));
                    logMels.add(logMel.data());
                    frames.add(logMel.shape()[1]);
                }
            }
            // The training service's per-band scaler, over all songs' frames laid end to end as one spectrogram.
            int total = frames.stream().mapToInt(Integer::intValue).sum();
            float[] joined = new float[MELS * total];
            int at = 0;
            for (int s = 0; s < ids.size(); s++) {
                int length = frames.get(s);
                for (int b = 0; b < MELS; b++) {
                    System.arraycopy(logMels.get(s), b * length, joined, b * total + at, length);
                }
                at += length;
            }
            FeatureScaler bands = FeatureScaler.fitBands(joined, MELS, total);
            float[] mean = bands.mean();
            float[] std = bands.std();
            return new Songs(ids, logMels, frames, mean, std);
        }

        /** BATCH distinct songs, two augmented crops each: views 0..BATCH-1, then their partners in the same order. */
        float[] augmentedPairs(Random random) {
            float[] out = new float[2 * BATCH * MELS * CROP];
            List<Integer> order = new ArrayList<>();
            for (int s = 0; s < ids.size(); s++) {
                order.add(s);
            }
            java.util.Collections.shuffle(order, random);
            for (int i = 0; i < BATCH; i++) {
                int song = order.get(i % order.size());
                crop(song, random.nextInt(frames.get(song) - CROP + 1), random, out, i);
                crop(song, random.nextInt(frames.get(song) - CROP + 1), random, out, BATCH + i);
            }
            return out;
        }

        /** Each song's encoder output averaged over crops spread evenly across it. */
        float[][] embed(SequentialBlock encoder, NDManager manager) {
            ParameterStore parameters = new ParameterStore(manager, false);
            float[][] out = new float[ids.size()][];
            for (int s = 0; s < ids.size(); s++) {
                try (NDManager songManager = manager.newSubManager()) {
                    float[] crops = new float[EMBEDDING_CROPS * MELS * CROP];
                    for (int c = 0; c < EMBEDDING_CROPS; c++) {
                        crop(s, (int) ((long) (frames.get(s) - CROP) * c / (EMBEDDING_CROPS - 1)), null, crops, c);
                    }
                    NDArray encoded = encoder.forward(parameters,
                            new NDList(songManager.create(crops, new Shape(EMBEDDING_CROPS, 1, MELS, CROP))), false).singletonOrThrow();
                    out[s] = encoded.mean(new int[] {0}).toFloatArray();
                }
            }
            return out;
        }

        /** One standardised crop into slot {@code slot}; with a random source, augmented. */
        private void crop(int song, int offset, Random augment, float[] out, int slot) {
            float[] logMel = logMels.get(song);
            int length = frames.get(song);
            float gainDb = augment == null ? 0 : (float) (augment.nextGaussian() * 3);
            int shift = augment == null ? 0 : augment.nextInt(5) - 2;
            for (int b = 0; b < MELS; b++) {
                int source = Math.min(MELS - 1, Math.max(0, b + shift));
                for (int t = 0; t < CROP; t++) {
                    float value = (logMel[source * length + offset + t] + gainDb - mean[source]) / std[source];
                    out[(slot * MELS + b) * CROP + t] = augment == null ? value : value + (float) (augment.nextGaussian() * 0.1);
                }
            }
        }
    }
}
