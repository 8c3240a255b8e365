package dev.musicluster.bench;

import ai.djl.Device;
import dev.musicluster.training.domain.data.TrainingSet;
import dev.musicluster.training.domain.model.HyperParameters;
import dev.musicluster.training.domain.model.ModelKind;
import dev.musicluster.training.domain.model.ModelSpec;
import dev.musicluster.training.domain.network.NetworkTraining;
import dev.musicluster.training.domain.network.TrainedNetwork;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * A trained conv-vae encoding a batch of the library pass (1,000 songs of 128 × 128 log-mel) on the CPU, two
 * intra-op threads, with the product's songs a pass against 256 (before): how much of an encoding is the kernel
 * faulting in fresh memory (TrainedNetwork.INFERENCE_VALUES).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 6)
@Fork(value = 1, jvmArgsAppend = "-Dai.djl.pytorch.num_threads=2")
public class EncodingBenchmark {

    static final int SONGS = 1000;

    /** 0: the product's own (TrainedNetwork.encode(set)). */
    @Param({"0", "256"})
    public int songsPerPass;

    private TrainedNetwork network;
    private TrainingSet library;

    @Setup(Level.Trial)
    public void setUp() {
        System.setProperty("ai.djl.offline", "true");
        HyperParameters hp = HyperParameters.of(Map.of("epochs", "1", "batch", "32", "latent", "32", "mel-frames", "128"));
        network = NetworkTraining.fit(ModelSpec.of(ModelKind.CONV_VAE, hp), hp, TrainingBenchmark.songs(64, 92, 128, 128, 7),
                Device.cpu(), epoch -> { });
        library = TrainingBenchmark.songs(SONGS, 92, 128, 128, 9);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        network.close();
    }

    @Benchmark
    public float[][] encode1000() {
        return songsPerPass == 0 ? network.encode(library) : network.encode(library, songsPerPass);
    }
}
