package dev.musicluster.feature.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import ai.djl.pytorch.jni.JniUtils;
import dev.musicluster.contracts.tensor.NpyArray;
import dev.musicluster.contracts.tensor.NpyFormat;
import dev.musicluster.demo.DemoCorpus;
import dev.musicluster.demo.Style;
import dev.musicluster.feature.domain.musicnn.MusicnnAgreement;
import dev.musicluster.feature.domain.musicnn.MusicnnEncoder;
import dev.musicluster.feature.domain.musicnn.MusicnnInput;
import dev.musicluster.feature.domain.musicnn.MusicnnPrecision;
import dev.musicluster.feature.domain.musicnn.MusicnnRepresentation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast path held to float32's (issue 31): bfloat16 with the container's length against float32 with ffprobe's,
 * every song's embedding within cosine 0.995 and its top three tags the same for 95 % of the songs, on the demo corpus
 * (always) and on real songs (where ../shared/data is present; the whole sets: {@code AnalysisPrecisionBench}); the
 * machine deciding the precision; and one input giving one embedding, bit for bit, under {@code MALLOC_PERTURB_}.
 * bfloat16 is checked where this CPU multiplies it natively: elsewhere {@code auto} is float32 and PyTorch would only
 * emulate it, slowly.
 */
class MusicnnPrecisionTest {

    private static final DecodeSettings SETTINGS = DecodeSettings.DEFAULT.alsoAt(MusicnnInput.SAMPLE_RATE);
    private static final AudioDecoder TODAY = new AudioDecoder("ffmpeg", "ffprobe", AudioDecoder.StreamFacts.FFPROBE);
    private static final AudioDecoder FAST = new AudioDecoder("ffmpeg", "ffprobe");
    private static MusicnnEncoder float32;
    private static MusicnnEncoder bfloat16;

    @TempDir
    static Path dir;

    @BeforeAll
    static void load() {
        float32 = MusicnnEncoder.bundled(Device.cpu(), MusicnnPrecision.FLOAT32);
        bfloat16 = MusicnnPrecision.nativeBFloat16() ? MusicnnEncoder.bundled(Device.cpu(), MusicnnPrecision.BFLOAT16) : null;
    }

    @AfterAll
    static void close() {
        float32.close();
        if (bfloat16 != null) {
            bfloat16.close();
        }
    }

    @Test
    void theMachineDecidesThePrecisionAndASettingForcesOne() {
        MusicnnPrecision auto = MusicnnPrecision.of("auto", Device.cpu());
        assertThat(auto).isEqualTo(MusicnnPrecision.nativeBFloat16() ? MusicnnPrecision.BFLOAT16 : MusicnnPrecision.FLOAT32);
        assertThat(MusicnnPrecision.of("auto", Device.gpu())).isEqualTo(MusicnnPrecision.FLOAT32);
        assertThat(MusicnnPrecision.of(" Float32 ", Device.cpu())).isEqualTo(MusicnnPrecision.FLOAT32);
        assertThat(MusicnnPrecision.of("bfloat16", Device.cpu())).isEqualTo(MusicnnPrecision.BFLOAT16);
        assertThatThrownBy(() -> MusicnnPrecision.of("int8", Device.cpu())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("auto, float32 or bfloat16");
        assertThat(float32.version()).endsWith(", float32").startsWith(float32.weights());
    }

    @Test
    void onTheDemoCorpusTheFastPathHoldsFloat32sAnswers() throws Exception {
        assumeTrue(bfloat16 != null, "this CPU does not multiply bfloat16 natively: auto is float32 here");
        List<Path> songs = new ArrayList<>();
        for (Style style : Style.values()) {
            Path wav = dir.resolve(style + ".wav");
            DemoCorpus.renderSong(style, 31L + style.ordinal(), 21.0, wav);
            songs.add(wav);
        }
        MusicnnAgreement agreement = agreement(songs);
        System.out.println("demo corpus: " + agreement);
        assertThat(agreement.holds()).as(agreement.toString()).isTrue();
    }

    @Test
    void onRealSongsTheFastPathHoldsFloat32sAnswers() throws Exception {
        assumeTrue(bfloat16 != null, "this CPU does not multiply bfloat16 natively: auto is float32 here");
        Path data = LibrosaDecodeReferenceTest.shared().resolve("data");
        List<Path> songs = new ArrayList<>();
        for (String clip : List.of("classical-1", "electronic-100", "pop-58", "rock-99")) {
            songs.add(data.resolve("emotify-dev/audio/emotify-" + clip + ".mp3"));
        }
        for (String id : List.of("TRAJLRQ12903D0CD64", "TRAALSG128F42B180D")) {
            songs.add(data.resolve("songs-en-de/audio/" + id + ".mp3"));
        }
        songs.removeIf(song -> !Files.isRegularFile(song));
        assumeTrue(songs.size() >= 4, "shared data absent: " + data);
        MusicnnAgreement agreement = agreement(songs);
        System.out.println("real songs: " + agreement);
        assertThat(agreement.holds()).as(agreement.toString()).isTrue();
    }

    /** Each song as before issue 31 (ffprobe's length, float32) and as now (the header's length, bfloat16). */
    private static MusicnnAgreement agreement(List<Path> songs) throws Exception {
        MusicnnAgreement agreement = new MusicnnAgreement();
        for (Path song : songs) {
            MusicnnRepresentation before = float32.encode(TODAY.decode(song, SETTINGS).at(MusicnnInput.SAMPLE_RATE).samples());
            MusicnnRepresentation now = bfloat16.encode(FAST.decode(song, SETTINGS).at(MusicnnInput.SAMPLE_RATE).samples());
            agreement.add(song.getFileName().toString(), before, now);
        }
        return agreement;
    }

    /**
     * One input, one embedding, in each precision: in this JVM and in children whose fresh memory glibc fills with
     * another byte each time (MALLOC_PERTURB_), so that a kernel reading memory nobody wrote would show.
     */
    @Test
    void oneInputGivesOneRepresentationBitForBit() throws Exception {
        Path wav = dir.resolve("determinism.wav");
        DemoCorpus.renderSong(Style.ROCK, 7, 9.0, wav);
        float[] pcm = FAST.decode(wav, SETTINGS).at(MusicnnInput.SAMPLE_RATE).samples();
        Path npy = dir.resolve("determinism.npy");
        NpyFormat.write(new NpyArray(new int[] {pcm.length}, pcm), npy);
        Map<MusicnnPrecision, MusicnnEncoder> encoders = new LinkedHashMap<>();
        encoders.put(MusicnnPrecision.FLOAT32, float32);
        if (bfloat16 != null) {
            encoders.put(MusicnnPrecision.BFLOAT16, bfloat16);
        }
        for (Map.Entry<MusicnnPrecision, MusicnnEncoder> encoder : encoders.entrySet()) {
            String here = MusicnnFingerprint.of(encoder.getValue().encode(pcm));
            // The service's workers share one encoder: two songs at once give what one at a time gives.
            ExecutorService workers = Executors.newFixedThreadPool(2);
            try {
                List<Future<String>> both = workers.invokeAll(List.of(() -> MusicnnFingerprint.of(encoder.getValue().encode(pcm)),
                        () -> MusicnnFingerprint.of(encoder.getValue().encode(pcm))));
                for (Future<String> result : both) {
                    assertThat(result.get()).as("%s, two workers at once", encoder.getKey()).isEqualTo(here);
                }
            } finally {
                workers.shutdown();
            }
            for (String perturb : List.of("1", "255")) {
                assertThat(inChildJvm(encoder.getKey(), npy, perturb)).as("%s under MALLOC_PERTURB_=%s", encoder.getKey(), perturb)
                        .isEqualTo(here);
            }
        }
    }

    private static String inChildJvm(MusicnnPrecision precision, Path npy, String perturb) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path log = dir.resolve("fingerprint-" + precision + "-" + perturb + ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=" + JniUtils.getNumThreads(),
                "-cp", classPath, MusicnnFingerprint.class.getName(), precision.name(), npy.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("MALLOC_PERTURB_", perturb);
        Process child = builder.start();
        boolean finished = child.waitFor(2, TimeUnit.MINUTES);
        if (!finished) {
            child.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(finished && child.exitValue() == 0).as("the child JVM under MALLOC_PERTURB_=%s: %s", perturb, lines).isTrue();
        return lines.get(lines.size() - 1).strip();
    }
}
