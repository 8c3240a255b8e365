package dev.musicluster.bench;

import ai.djl.Device;
import dev.musicluster.feature.decode.AudioDecoder;
import dev.musicluster.feature.decode.DecodeSettings;
import dev.musicluster.feature.domain.audio.PcmAudio;
import dev.musicluster.feature.domain.dsp.SpectrogramConfig;
import dev.musicluster.feature.domain.musicnn.MusicnnEncoder;
import dev.musicluster.feature.domain.musicnn.MusicnnInput;
import dev.musicluster.feature.domain.musicnn.MusicnnPrecision;
import dev.musicluster.feature.domain.summary.SongFeatures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * One real-length song analysed as the feature service does it (issue 22): decode once to 22,050 and 16,000 Hz (the
 * centre 60 s), the 128-band log-mel, MFCCs and summary, musicnn's 96-band input, both networks over its 20 patches.
 * Each step is a benchmark of its own, so its share is known, and {@code analysis} runs them one after the other. The
 * references in the same run: {@code ffmpegSoxrWhole}, one ffmpeg call with soxr over the whole file (librosa.load),
 * and {@code ffmpegSoxrWindow}, the same call for the centre minute only. {@code song_analysis_reference.py} does
 * the same analysis in Python on the same files.
 *
 * <p>The song is {@code minutes} long: emotify-dev clips from {@code ../shared/data} one after the other (a generated
 * song where that is absent), written to {@code target/song-bench/} as a 128 kb/s stereo MP3 and a FLAC. PyTorch's
 * threads are set per run: {@code -jvmArgsAppend -Dai.djl.pytorch.num_threads=1}. The analysis before issue 31 is
 * {@code precision=float32, facts=FFPROBE}; each lever alone and both together are the other three.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-Dai.djl.pytorch.num_interop_threads=1"})
public class SongAnalysisBenchmark {

    private static final String[] CLIPS = {"emotify-rock-99", "emotify-classical-1", "emotify-electronic-100", "emotify-pop-58"};

    @Param({"mp3", "flac"})
    public String format;

    @Param({"4"})
    public int minutes;

    /** The networks' arithmetic: float32 as before issue 31, bfloat16 where the CPU computes it natively. */
    @Param({"float32", "bfloat16"})
    public String precision;

    /** Where the window's length comes from: ffprobe as before issue 31, or the container's header. */
    @Param({"FFPROBE", "HEADER_FIRST"})
    public AudioDecoder.StreamFacts facts;

    private Path song;
    private AudioDecoder decoder;
    private DecodeSettings settings;
    private SongFeatures.Extractor extractor;
    private MusicnnInput frontEnd;
    private MusicnnEncoder encoder;
    private PcmAudio audio;
    private float[] input;

    @Setup(Level.Trial)
    public void setUp() throws IOException, InterruptedException {
        song = SongFile.make(Path.of("target/song-bench"), format, minutes);
        decoder = new AudioDecoder("ffmpeg", "ffprobe", facts);
        settings = DecodeSettings.DEFAULT.alsoAt(MusicnnInput.SAMPLE_RATE);
        extractor = new SongFeatures.Extractor(SpectrogramConfig.DEFAULT);
        frontEnd = new MusicnnInput();
        encoder = MusicnnEncoder.bundled(Device.cpu(), MusicnnPrecision.of(precision, Device.cpu()));
        audio = decode();
        input = frontEnd.compute(audio.at(MusicnnInput.SAMPLE_RATE).samples());
        System.out.printf(Locale.ROOT, "%n%s: %.1f s, window %.1f s, %d musicnn patches%n", song, audio.sourceSeconds(), audio.seconds(),
                input.length / (187 * MusicnnInput.BANDS));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        encoder.close();
    }

    /** The length (ffprobe or the header), then one ffmpeg call: seek to the window, (L+R)/2, soxr to both rates. */
    @Benchmark
    public PcmAudio decode() throws IOException {
        return decoder.decode(song, settings);
    }

    @Benchmark
    public SongFeatures features() {
        return extractor.extract(audio);
    }

    @Benchmark
    public float[] musicnnFrontEnd() {
        return frontEnd.compute(audio.at(MusicnnInput.SAMPLE_RATE).samples());
    }

    /** Both networks, 20 patches, 2 a pass, as the service runs them. */
    @Benchmark
    public Object networks() {
        return encoder.encodeInput(input);
    }

    /** Everything the service computes for the song, one step after the other (its storage aside). */
    @Benchmark
    public Object analysis() throws IOException {
        PcmAudio decoded = decode();
        SongFeatures features = extractor.extract(decoded);
        return List.of(features, encoder.encode(decoded.at(MusicnnInput.SAMPLE_RATE).samples()));
    }

    /** librosa.load(sr=22050) as one ffmpeg call: the whole file, (L+R)/2, soxr; read to the end. */
    @Benchmark
    public long ffmpegSoxrWhole() throws IOException, InterruptedException {
        return ffmpeg(List.of("-i", song.toString()));
    }

    /** The same call for the centre minute only, at one rate and without ffprobe: the floor of our decode. */
    @Benchmark
    public long ffmpegSoxrWindow() throws IOException, InterruptedException {
        double start = Math.max(0, (audio.sourceSeconds() - 60) / 2);
        return ffmpeg(List.of("-ss", String.format(Locale.ROOT, "%.6f", start), "-t", "60", "-i", song.toString()));
    }

    private long ffmpeg(List<String> input) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-nostdin", "-threads", "1"));
        command.addAll(input);
        command.addAll(List.of("-af", "aformat=sample_fmts=fltp,pan=mono|c0=0.5*c0+0.5*c1,aresample=22050:resampler=soxr:precision=20",
                "-f", "f32le", "pipe:1"));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long bytes = 0;
        try (InputStream out = process.getInputStream()) {
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = out.read(buffer)) >= 0; ) {
                bytes += read;
            }
        }
        if (process.waitFor() != 0) {
            throw new IOException("ffmpeg failed on " + song);
        }
        return bytes;
    }

    /** The benchmark's song, made once per format and length. */
    static final class SongFile {

        static Path make(Path dir, String format, int minutes) throws IOException, InterruptedException {
            Files.createDirectories(dir);
            Path song = dir.resolve(minutes == 4 ? "song." + format : "song-" + minutes + "min." + format);
            if (Files.isRegularFile(song)) {
                return song;
            }
            Path shared = Path.of(System.getProperty("musicluster.shared.dir", "../../shared"), "data/emotify-dev/audio");
            List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y"));
            if (Files.isRegularFile(shared.resolve(CLIPS[0] + ".mp3"))) {
                // One clip after another until the length is reached: real music, every clip about 60 s.
                int clips = minutes;
                for (int c = 0; c < clips; c++) {
                    command.addAll(List.of("-i", shared.resolve(CLIPS[c % CLIPS.length] + ".mp3").toString()));
                }
                command.addAll(List.of("-filter_complex", IntStream.range(0, clips).mapToObj(c -> "[" + c + ":a:0]")
                        .reduce("", String::concat) + "concat=n=" + clips + ":v=0:a=1"));
            } else {
                System.out.println("../shared/data is absent: the song is generated");
                command.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=220:duration=" + 60 * minutes, "-f", "lavfi", "-i",
                        "anoisesrc=color=pink:amplitude=0.1:duration=" + 60 * minutes, "-filter_complex", "amix=inputs=2"));
            }
            command.addAll(List.of("-ar", "44100", "-ac", "2"));
            command.addAll(format.equals("flac") ? List.of("-c:a", "flac") : List.of("-c:a", "libmp3lame", "-b:a", "128k"));
            command.add(song.toString());
            Process ffmpeg = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(ffmpeg.getInputStream().readAllBytes());
            if (ffmpeg.waitFor() != 0) {
                throw new IOException("ffmpeg could not make the benchmark song: " + output);
            }
            return song;
        }
    }
}
