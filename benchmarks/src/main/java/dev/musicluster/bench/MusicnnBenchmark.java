package dev.musicluster.bench;

import ai.djl.Device;
import dev.musicluster.contracts.tensor.NpyArray;
import dev.musicluster.contracts.tensor.NpyFormat;
import dev.musicluster.feature.domain.dsp.LogMelSpectrogram;
import dev.musicluster.feature.domain.dsp.SpectrogramConfig;
import dev.musicluster.feature.domain.musicnn.MusicnnEncoder;
import dev.musicluster.feature.domain.musicnn.MusicnnInput;
import dev.musicluster.feature.domain.musicnn.MusicnnNetwork;
import dev.musicluster.feature.domain.musicnn.MusicnnPrecision;
import dev.musicluster.feature.domain.musicnn.MusicnnWeights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
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
 * musicnn per 60 s of audio (the default window, 20 patches): its 96-band front end against the 128-band log-mel we
 * already compute (same audio, its own rate), and both networks on the 20 patches. PyTorch's threads are set per run
 * ({@code -jvmArgsAppend -Dai.djl.pytorch.num_threads=1}). Writes the patches and the networks' outputs to
 * {@code target/musicnn-bench/} for {@code musicnn_reference.py}, which times the same networks in PyTorch from Python.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Dai.djl.offline=true")
public class MusicnnBenchmark {

    static final int SECONDS = 60;

    /** The networks' arithmetic (docs/musicnn.md, "Precision"); the Python reference is float32's. */
    @Param({"float32", "bfloat16"})
    public String precision;

    private float[] audio16k;
    private float[] audio22k;
    private float[] input;
    private MusicnnInput frontEnd;
    private LogMelSpectrogram logMel;
    private MusicnnEncoder encoder;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        audio16k = music(16_000);
        audio22k = music(22_050);
        frontEnd = new MusicnnInput();
        logMel = new LogMelSpectrogram(SpectrogramConfig.DEFAULT);
        encoder = MusicnnEncoder.bundled(Device.cpu(), MusicnnPrecision.of(precision, Device.cpu()));
        input = frontEnd.compute(audio16k);
        writeReference();
    }

    /** Tones over noise, with a beat: enough structure that every band and filter has work. */
    private static float[] music(int rate) {
        Random random = new Random(7);
        float[] samples = new float[SECONDS * rate];
        for (int i = 0; i < samples.length; i++) {
            double t = (double) i / rate;
            double beat = Math.exp(-20 * (t % 0.5));
            samples[i] = (float) (0.3 * Math.sin(2 * Math.PI * 220 * t) + 0.2 * Math.sin(2 * Math.PI * 660 * t * (1 + 0.01 * Math.sin(t)))
                    + 0.2 * beat * random.nextGaussian() + 0.02 * random.nextGaussian());
        }
        return samples;
    }

    private void writeReference() throws IOException {
        Path dir = Files.createDirectories(Path.of("target/musicnn-bench"));
        int patches = input.length / (MusicnnNetwork.PATCH_FRAMES * MusicnnInput.BANDS);
        float[] whole = Arrays.copyOf(input, patches * MusicnnNetwork.PATCH_FRAMES * MusicnnInput.BANDS);
        NpyFormat.write(new NpyArray(new int[] {patches, MusicnnNetwork.PATCH_FRAMES, MusicnnInput.BANDS}, whole), dir.resolve("patches.npy"));
        int width = 2 * (MusicnnNetwork.EMBEDDING + MusicnnNetwork.TAGS);
        float[] outputs = new float[patches * width];
        int column = 0;
        for (String name : new String[] {"MSD", "MTT"}) {
            try (MusicnnNetwork network = new MusicnnNetwork(MusicnnWeights.bundled(name), Device.cpu())) {
                MusicnnNetwork.Output output = network.forward(whole, patches);
                for (int p = 0; p < patches; p++) {
                    System.arraycopy(output.embeddings(), p * MusicnnNetwork.EMBEDDING, outputs, p * width + column, MusicnnNetwork.EMBEDDING);
                    System.arraycopy(output.tags(), p * MusicnnNetwork.TAGS, outputs, p * width + column + MusicnnNetwork.EMBEDDING,
                            MusicnnNetwork.TAGS);
                }
            }
            column += MusicnnNetwork.EMBEDDING + MusicnnNetwork.TAGS;
        }
        NpyFormat.write(new NpyArray(new int[] {patches, width}, outputs), dir.resolve("outputs.npy"));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        encoder.close();
    }

    /** musicnn's input: 16 kHz, 512-point STFT, 96 bands, half precision, log10(10000 x + 1). */
    @Benchmark
    public float[] frontEnd96() {
        return frontEnd.compute(audio16k);
    }

    /** The features' log-mel and MFCCs: 22,050 Hz, 2048-point STFT, 128 bands, decibels. */
    @Benchmark
    public Object logMel128() {
        return logMel.compute(audio22k);
    }

    /** Both networks over the 20 patches of the front end's output, 2 patches a pass, as the service runs them. */
    @Benchmark
    public Object networks() {
        return encoder.encodeInput(input);
    }
}
