package dev.musicluster.bench;

import ai.djl.Device;
import dev.musicluster.training.domain.data.TrainingSet;
import dev.musicluster.training.domain.model.HyperParameters;
import dev.musicluster.training.domain.model.ModelKind;
import dev.musicluster.training.domain.model.ModelSpec;
import dev.musicluster.training.domain.network.NetworkTraining;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One training epoch over 400 songs on the CPU (batch 32, latent 32, Adam), for the dense VAE on the 92-value summary
 * (with the standard normal prior, and as vade with a mixture of 10 Gaussians),
 * the convolutional VAE on 128 × 128 log-mel and the contrastive model on 128 × 64 crops of it (16 passes, its
 * default); and the data pipeline alone (every batch of an epoch gathered on the device, or for the contrastive model
 * cut and augmented on the host, no forward or backward). PyTorch's intra-op threads are fixed per fork: 1 or 2.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 6)
public class TrainingBenchmark {

    static final int SONGS = 400;
    private static final String ONE_THREAD = "-Dai.djl.pytorch.num_threads=1";
    private static final String TWO_THREADS = "-Dai.djl.pytorch.num_threads=2";

    @Param({"vae", "vade", "conv-vae", "contrastive"})
    public String model;

    private NetworkTraining training;

    @Setup(Level.Trial)
    public void setUp() {
        System.setProperty("ai.djl.offline", "true");
        HyperParameters hp = HyperParameters.of(Map.of("epochs", "1000", "batch", "32", "latent", "32", "mel-frames", "128"));
        training = NetworkTraining.start(ModelSpec.of(ModelKind.of(model), hp), hp, songs(SONGS, 92, 128, 128, 400), Device.cpu());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        training.close();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = ONE_THREAD)
    public Object epoch1Thread() {
        return training.epoch();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = TWO_THREADS)
    public Object epoch2Threads() {
        return training.epoch();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = ONE_THREAD)
    public double dataPipeline1Thread() {
        return training.gatherSeconds();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = TWO_THREADS)
    public double dataPipeline2Threads() {
        return training.gatherSeconds();
    }

    /** Random songs of the real shapes, seeded: the same arrays on every run. */
    static TrainingSet songs(int songs, int summaryWidth, int mels, int frames, long seed) {
        Random random = new Random(seed);
        float[] summary = new float[songs * summaryWidth];
        float[] logMel = new float[songs * mels * frames];
        for (int i = 0; i < summary.length; i++) {
            summary[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < logMel.length; i++) {
            logMel[i] = (float) (-40 + 10 * random.nextGaussian());
        }
        List<String> ids = IntStream.range(0, songs).mapToObj(i -> "song-" + i).toList();
        return new TrainingSet(ids, summary, summaryWidth, logMel, mels, frames, new float[0], 0, new float[0], List.of());
    }
}
