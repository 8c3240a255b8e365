package dev.musicluster.feature.domain.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.musicluster.contracts.tensor.NpyArray;
import dev.musicluster.contracts.tensor.NpyFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * librosa 0.11's own log-mel and MFCC of two real clips, from its own decoded PCM (../shared/reference/librosa,
 * never committed). Feeding the same PCM, our features must agree to about 1e-3 dB. Skipped where the reference
 * is absent.
 */
class LibrosaReferenceTest {

    static Path reference() {
        return Path.of(System.getProperty("musicluster.shared.dir", "../../shared")).resolve("reference/librosa");
    }

    @ParameterizedTest
    @ValueSource(strings = {"emotify-classical-1", "TRAALSG128F42B180D"})
    void fromLibrosasPcmOurFeaturesMatchLibrosas(String clip) throws Exception {
        Path dir = reference();
        assumeTrue(Files.isRegularFile(dir.resolve(clip + ".pcm22050.npy")), "librosa reference absent: " + dir);

        float[] pcm = NpyFormat.read(dir.resolve(clip + ".pcm22050.npy")).data();
        LogMelSpectrogram.Result ours = new LogMelSpectrogram(SpectrogramConfig.DEFAULT).compute(pcm);
        NpyArray logMel = NpyFormat.read(dir.resolve(clip + ".logmel.npy"));
        NpyArray mfcc = NpyFormat.read(dir.resolve(clip + ".mfcc.npy"));

        assertThat(ours.logMel().shape()).containsExactly(logMel.shape());
        double maxDb = maxAbsDifference(ours.logMel(), logMel);
        double maxMfcc = maxAbsDifference(ours.mfcc(), mfcc);
        System.out.printf("%s: log-mel max |Δ| %.2e dB, MFCC max |Δ| %.2e%n", clip, maxDb, maxMfcc);
        assertThat(maxDb).as("log-mel max difference in dB").isLessThan(1e-3);
        assertThat(maxMfcc).as("MFCC max difference").isLessThan(1e-2);
    }

    static double maxAbsDifference(NpyArray a, NpyArray b) {
        double max = 0;
        for (int i = 0; i < a.data().length; i++) {
            max = Math.max(max, Math.abs(a.data()[i] - b.data()[i]));
        }
        return max;
    }
}
