package dev.musicluster.feature.domain.musicnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import dev.musicluster.contracts.MusicnnTags;
import dev.musicluster.contracts.tensor.NpyArray;
import dev.musicluster.contracts.tensor.NpyFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The front end and both networks against ../shared/reference/musicnn (an independent implementation's values for
 * three real clips), with its tolerances: log-mel from the reference PCM, networks from the reference log-mel, and
 * the top tags a listener would expect. Skipped where the shared data is absent.
 */
class MusicnnReferenceTest {

    private static MusicnnEncoder encoder;
    private static MusicnnNetwork msd;
    private static MusicnnNetwork mtt;

    @BeforeAll
    static void load() {
        msd = new MusicnnNetwork(MusicnnWeights.bundled("MSD"), Device.cpu());
        mtt = new MusicnnNetwork(MusicnnWeights.bundled("MTT"), Device.cpu());
        encoder = MusicnnEncoder.bundled(Device.cpu(), MusicnnPrecision.FLOAT32);
    }

    @AfterAll
    static void close() {
        msd.close();
        mtt.close();
        encoder.close();
    }

    static Path reference() {
        return Path.of(System.getProperty("musicluster.shared.dir", "../../shared")).resolve("reference/musicnn");
    }

    private static NpyArray read(String clip, String file) throws IOException {
        Path path = reference().resolve(clip + "." + file);
        assumeTrue(Files.isRegularFile(path), "shared reference absent: " + path);
        return NpyFormat.read(path);
    }

    @ParameterizedTest
    @CsvSource({"emotify-electronic-100", "emotify-classical-1", "TRAJLRQ12903D0CD64"})
    void frontEndMatchesTheReferenceLogMel(String clip) throws IOException {
        float[] pcm = read(clip, "pcm16k.npy").data();
        NpyArray expected = read(clip, "logmel96.npy");
        float[] ours = new MusicnnInput().compute(pcm);
        assertThat(ours).hasSize(expected.data().length);
        int close = 0;
        double worst = 0;
        for (int i = 0; i < ours.length; i++) {
            double difference = Math.abs(ours[i] - expected.data()[i]);
            close += difference <= 1e-5 ? 1 : 0;
            worst = Math.max(worst, difference);
        }
        System.out.printf("%s front end: %.3f %% within 1e-5, max |Δ| %.2e%n", clip, 100.0 * close / ours.length, worst);
        assertThat(close).as("values within 1e-5").isGreaterThanOrEqualTo((int) Math.ceil(0.995 * ours.length));
        assertThat(worst).as("largest difference").isLessThanOrEqualTo(1e-3);
    }

    @ParameterizedTest
    @CsvSource({"emotify-electronic-100", "emotify-classical-1", "TRAJLRQ12903D0CD64"})
    void networksMatchTheReferenceOutputs(String clip) throws IOException {
        float[] logMel = read(clip, "logmel96.npy").data();
        float[] patches = java.util.Arrays.copyOf(logMel, 3 * MusicnnNetwork.PATCH_FRAMES * MusicnnInput.BANDS);
        for (MusicnnNetwork network : List.of(msd, mtt)) {
            MusicnnNetwork.Output output = network.forward(patches, 3);
            float[] embedding = read(clip, network.name() + ".embedding.npy").data();
            float[] tags = read(clip, network.name() + ".tags.npy").data();
            double relative = maxAbsDifference(output.embeddings(), embedding) / maxAbs(embedding);
            double tagError = maxAbsDifference(output.tags(), tags);
            System.out.printf("%s %s: embedding relative error %.2e, tag error %.2e%n", clip, network.name(), relative, tagError);
            assertThat(relative).as(network.name() + " embedding, max error over max value").isLessThanOrEqualTo(1e-4);
            assertThat(tagError).as(network.name() + " tag probabilities").isLessThanOrEqualTo(1e-5);
        }
    }

    @ParameterizedTest
    @CsvSource({"emotify-electronic-100, 'dance,electronic', 'beat,techno'",
            "emotify-classical-1, '', 'classical,flute,violin,strings'",
            "TRAJLRQ12903D0CD64, 'Hip-Hop', ''"})
    void theEncoderHearsWhatAListenerWould(String clip, String msdTags, String mttTags) throws IOException {
        MusicnnRepresentation representation = encoder.encodeInput(read(clip, "logmel96.npy").data());
        assertThat(representation.patches()).isEqualTo(3);
        assertThat(topFive(representation.msdTags(), MusicnnTags.MSD)).containsAll(names(msdTags));
        assertThat(topFive(representation.mttTags(), MusicnnTags.MTT)).containsAll(names(mttTags));
        float[] expected = read(clip, "MSD.embedding.npy").data();
        for (int j = 0; j < MusicnnNetwork.EMBEDDING; j++) {
            double mean = (expected[j] + expected[200 + j] + expected[400 + j]) / 3.0;
            assertThat((double) representation.msdEmbedding()[j]).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-3 * (1 + Math.abs(mean))));
        }
    }

    static List<String> topFive(float[] probabilities, List<String> names) {
        return IntStream.range(0, probabilities.length).boxed()
                .sorted(Comparator.comparingDouble(i -> -probabilities[i])).limit(5).map(names::get).toList();
    }

    private static List<String> names(String list) {
        return list.isBlank() ? List.of() : List.of(list.split(","));
    }

    private static double maxAbsDifference(float[] a, float[] b) {
        assertThat(a).hasSameSizeAs(b);
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        return worst;
    }

    private static double maxAbs(float[] a) {
        double max = 0;
        for (float v : a) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
