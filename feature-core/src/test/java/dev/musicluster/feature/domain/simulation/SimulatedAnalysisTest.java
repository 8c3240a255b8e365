package dev.musicluster.feature.domain.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicluster.feature.domain.audio.PcmAudio;
import dev.musicluster.feature.domain.dsp.SpectrogramConfig;
import dev.musicluster.feature.domain.musicnn.MusicnnRepresentation;
import dev.musicluster.feature.domain.summary.SongFeatures;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SimulatedAnalysisTest {

    private static final SpectrogramConfig CONFIG = SpectrogramConfig.DEFAULT;
    private final SimulatedAnalysis simulation = new SimulatedAnalysis(CONFIG, 60);

    @Test
    void aSimulatedSongHasTheShapeOfARealOne() throws Exception {
        SimulatedAnalysis.Song song = simulation.analyse(sha("song 1"));
        SongFeatures real = new SongFeatures.Extractor(CONFIG).extract(new PcmAudio(new float[60 * CONFIG.sampleRate()], CONFIG.sampleRate(),
                CONFIG.sampleRate(), 1, 60));
        assertThat(song.features().logMel().shape()).containsExactly(real.logMel().shape());
        assertThat(song.features().mfcc().shape()).containsExactly(real.mfcc().shape());
        assertThat(song.features().summary().names()).isEqualTo(real.summary().names());
        MusicnnRepresentation musicnn = song.musicnn();
        assertThat(musicnn.patches()).isEqualTo(20);
        assertThat(musicnn.perPatch()).hasSize(20 * MusicnnRepresentation.PATCH_WIDTH);
        assertThat(musicnn.embedding()).hasSize(400);
        assertThat(musicnn.tags()).hasSize(100);
        for (float p : musicnn.tags()) {
            assertThat(p).isBetween(0f, 1f);
        }
        assertThat(song.trackSeconds()).isBetween(60.0, 900.0);
        for (float db : song.features().logMel().data()) {
            assertThat(db).isBetween(-80f, 0f);
        }
    }

    @Test
    void theSameAudioGivesTheSameAnalysisAndOtherAudioAnother() throws Exception {
        SimulatedAnalysis.Song once = simulation.analyse(sha("song 1"));
        SimulatedAnalysis.Song again = new SimulatedAnalysis(CONFIG, 60).analyse(sha("song 1"));
        SimulatedAnalysis.Song other = simulation.analyse(sha("song 2"));
        assertThat(again.musicnn().perPatch()).isEqualTo(once.musicnn().perPatch());
        assertThat(again.features().summary().values()).isEqualTo(once.features().summary().values());
        assertThat(again.features().logMel().data()).isEqualTo(once.features().logMel().data());
        assertThat(other.musicnn().embedding()).isNotEqualTo(once.musicnn().embedding());
    }

    @Test
    void songsOfOneComponentAreNearerEachOtherThanToOthers() throws Exception {
        int[] perComponent = new int[SimulatedAnalysis.COMPONENTS];
        float[][] embeddings = new float[600][];
        int[] components = new int[600];
        for (int i = 0; i < 600; i++) {
            String sha = sha("song " + i);
            components[i] = SimulatedAnalysis.component(sha);
            perComponent[components[i]]++;
            embeddings[i] = simulation.analyse(sha).musicnn().embedding();
        }
        // every sound present, some far more common than others, as genres in a library
        assertThat(IntStream.of(perComponent).min().orElseThrow()).isGreaterThan(10);
        assertThat(IntStream.of(perComponent).max().orElseThrow()).isGreaterThan(3 * IntStream.of(perComponent).min().orElseThrow());
        double within = 0;
        double between = 0;
        int w = 0;
        int b = 0;
        for (int i = 0; i < 600; i += 7) {
            for (int j = i + 1; j < 600; j += 5) {
                double d = distance(embeddings[i], embeddings[j]);
                if (components[i] == components[j]) {
                    within += d;
                    w++;
                } else {
                    between += d;
                    b++;
                }
            }
        }
        assertThat(within / w).isLessThan(0.8 * between / b);
    }

    private static double distance(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }

    private static String sha(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
