package dev.musicluster.bench;

import be.tarsos.dsp.util.fft.FloatFFT;
import dev.musicluster.feature.decode.AudioDecoder;
import dev.musicluster.feature.decode.DecodeSettings;
import dev.musicluster.feature.domain.audio.PcmAudio;
import dev.musicluster.feature.domain.dsp.LogMelSpectrogram;
import dev.musicluster.feature.domain.dsp.SpectrogramConfig;
import dev.musicluster.feature.domain.summary.SongFeatures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per 30 s clip at 22,050 Hz: the features (STFT + mel + MFCC), the whole extractor (with the summary vector),
 * decoding and resampling a 44.1 kHz stereo MP3, and the physical floor measured in the same run: the 1,292 plain
 * real FFTs of size 2048 that any STFT of such a clip must do, with the fastest FFT on the classpath.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FeatureBenchmark {

    static final int SAMPLE_RATE = 22_050;
    static final int SAMPLES = 30 * SAMPLE_RATE;
    static final int FRAMES = 1292;
    static final int N_FFT = 2048;

    private float[] clip;
    private float[] fftBuffer;
    private float[][] frames;
    private FloatFFT fft;
    private LogMelSpectrogram spectrogram;
    private SongFeatures.Extractor extractor;
    private Path mp3;
    private AudioDecoder decoder;

    @Setup(Level.Trial)
    public void setUp() throws IOException, InterruptedException {
        Random random = new Random(1);
        clip = new float[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            clip[i] = (float) (0.3 * Math.sin(2 * Math.PI * 220 * i / SAMPLE_RATE) + 0.1 * random.nextGaussian());
        }
        frames = new float[FRAMES][N_FFT];
        for (int f = 0; f < FRAMES; f++) {
            for (int i = 0; i < N_FFT; i++) {
                frames[f][i] = clip[(f * 512 + i) % SAMPLES];
            }
        }
        fftBuffer = new float[N_FFT];
        fft = new FloatFFT(N_FFT);
        spectrogram = new LogMelSpectrogram(SpectrogramConfig.DEFAULT);
        extractor = new SongFeatures.Extractor(SpectrogramConfig.DEFAULT);
        decoder = new AudioDecoder("ffmpeg", "ffprobe");
        mp3 = Files.createTempFile("bench-", ".mp3");
        Process ffmpeg = new ProcessBuilder(List.of("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                "sine=frequency=220:sample_rate=44100:duration=30", "-f", "lavfi", "-i",
                "anoisesrc=color=pink:sample_rate=44100:duration=30:amplitude=0.1", "-filter_complex", "amerge=inputs=2",
                "-ac", "2", "-c:a", "libmp3lame", "-b:a", "128k", mp3.toString())).redirectErrorStream(true).start();
        String output = new String(ffmpeg.getInputStream().readAllBytes());
        if (ffmpeg.waitFor() != 0) {
            throw new IOException("ffmpeg could not make the benchmark MP3: " + output);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(mp3);
    }

    /** (c) The floor: 1,292 real FFTs of 2048 points, nothing else. */
    @Benchmark
    public float fftFloor() {
        float sink = 0;
        for (float[] frame : frames) {
            System.arraycopy(frame, 0, fftBuffer, 0, N_FFT);
            fft.realForward(fftBuffer);
            sink += fftBuffer[1];
        }
        return sink;
    }

    /** (a) STFT + mel + dB + MFCC of a 30 s clip. */
    @Benchmark
    public LogMelSpectrogram.Result features() {
        return spectrogram.compute(clip);
    }

    /** (a') Everything the service computes per song: (a) plus deltas and the summary vector. */
    @Benchmark
    public SongFeatures featuresWithSummary() {
        return extractor.extract(new PcmAudio(clip, SAMPLE_RATE, SAMPLE_RATE, 1, 30.0));
    }

    /** (b) Decode a 30 s 44.1 kHz stereo MP3 (ffmpeg child process), downmix, resample to 22,050 Hz. */
    @Benchmark
    public PcmAudio decodeAndResampleMp3() throws IOException {
        return decoder.decode(mp3, DecodeSettings.DEFAULT);
    }
}
