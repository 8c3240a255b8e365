package dev.musicluster.demo;

import dev.musicluster.library.ManifestEntry;
import dev.musicluster.library.SongManifest;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCorpusTest {

    @TempDir
    Path dir;

    @Test
    void planCrossesEveryStyleWithEveryLanguage() {
        List<ManifestEntry> plan = DemoCorpus.plan(dir, DemoCorpus.DEFAULT_SONGS);

        assertThat(plan).hasSize(60);
        assertThat(plan.stream().map(ManifestEntry::id).distinct()).hasSize(60);
        Map<String, Long> perStyle = plan.stream().collect(Collectors.groupingBy(e -> e.labels().get("style"), Collectors.counting()));
        Map<String, Long> perLanguage = plan.stream().collect(Collectors.groupingBy(e -> e.labels().get("language"), Collectors.counting()));
        assertThat(perStyle).hasSize(Style.values().length).allSatisfy((style, count) -> assertThat(count).isEqualTo(12));
        assertThat(perLanguage).containsOnlyKeys("bn", "en", "hi", "ko", "ja", "es")
                .allSatisfy((language, count) -> assertThat(count).isEqualTo(10));
        Map<String, Long> pairs = plan.stream().collect(Collectors.groupingBy(
                e -> e.labels().get("style") + "/" + e.labels().get("language"), Collectors.counting()));
        assertThat(pairs).as("style and language vary independently").hasSize(30);
    }

    @Test
    void lyricsAreInTheScriptOfTheirLanguage() {
        for (ManifestEntry entry : DemoCorpus.plan(dir, 60)) {
            String lyrics = entry.lyrics();
            Character.UnicodeScript expected = switch (entry.labels().get("language")) {
                case "bn" -> Character.UnicodeScript.BENGALI;
                case "hi" -> Character.UnicodeScript.DEVANAGARI;
                case "ko" -> Character.UnicodeScript.HANGUL;
                case "ja" -> null;
                default -> Character.UnicodeScript.LATIN;
            };
            if (expected != null) {
                assertThat(lyrics.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == expected))
                        .as(entry.id()).isTrue();
            } else {
                assertThat(lyrics.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA
                        || Character.UnicodeScript.of(c) == Character.UnicodeScript.KATAKANA
                        || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)).as(entry.id()).isTrue();
            }
        }
    }

    @Test
    void rendersAudibleDeterministicWav() throws Exception {
        Path first = dir.resolve("a.wav");
        Path second = dir.resolve("b.wav");
        DemoCorpus.renderSong(Style.ROCK, 3, 3.0, first);
        DemoCorpus.renderSong(Style.ROCK, 3, 3.0, second);

        assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
        try (AudioInputStream in = AudioSystem.getAudioInputStream(first.toFile())) {
            AudioFormat format = in.getFormat();
            assertThat(format.getSampleRate()).isEqualTo(22_050f);
            assertThat(format.getChannels()).isEqualTo(1);
            assertThat(in.getFrameLength()).isEqualTo(3 * 22_050);
            assertThat(rms(in.readAllBytes())).as("RMS of 16-bit samples").isGreaterThan(300);
        }
    }

    /**
     * A style is a sound, not a loudness: every song's nearest neighbour by spectral shape (the share of its energy in
     * each of 12 octave-spaced bands) is a song of its own style, over three songs (seeds) of each style.
     */
    @Test
    void songsOfOneStyleSoundAlikeAndUnlikeTheOtherStyles() throws Exception {
        List<Style> styles = new java.util.ArrayList<>();
        List<double[]> profiles = new java.util.ArrayList<>();
        for (Style style : Style.values()) {
            for (long seed = 1; seed <= 3; seed++) {
                Path wav = dir.resolve(style.label() + seed + ".wav");
                DemoCorpus.renderSong(style, seed, 3.0, wav);
                try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
                    styles.add(style);
                    profiles.add(bandProfile(in.readAllBytes()));
                }
            }
        }
        for (int i = 0; i < profiles.size(); i++) {
            int nearest = -1;
            double best = Double.MAX_VALUE;
            for (int j = 0; j < profiles.size(); j++) {
                double distance = j == i ? Double.MAX_VALUE : l1(profiles.get(i), profiles.get(j));
                if (distance < best) {
                    best = distance;
                    nearest = j;
                }
            }
            assertThat(styles.get(nearest)).as("nearest song to %s #%d", styles.get(i), i % 3 + 1).isEqualTo(styles.get(i));
        }
    }

    /** Energy per octave band from 20 Hz up (DFT of 2048-sample Hann frames, every 8th frame), as shares of the total. */
    static double[] bandProfile(byte[] pcm16le) {
        int n = 2048;
        int samples = pcm16le.length / 2;
        double[] cos = new double[n];
        double[] sin = new double[n];
        for (int t = 0; t < n; t++) {
            cos[t] = Math.cos(2 * Math.PI * t / n);
            sin[t] = Math.sin(2 * Math.PI * t / n);
        }
        double[] bands = new double[12];
        double[] frame = new double[n];
        for (int start = 0; start + n <= samples; start += 8 * n) {
            for (int t = 0; t < n; t++) {
                short sample = (short) ((pcm16le[2 * (start + t)] & 0xFF) | (pcm16le[2 * (start + t) + 1] << 8));
                frame[t] = sample * (0.5 - 0.5 * cos[t]);
            }
            for (int k = 1; k < n / 2; k++) {
                double re = 0;
                double im = 0;
                for (int t = 0; t < n; t++) {
                    re += frame[t] * cos[k * t % n];
                    im -= frame[t] * sin[k * t % n];
                }
                double hz = k * 22_050.0 / n;
                int band = (int) Math.floor(Math.log(hz / 20.0) / Math.log(2));
                if (band >= 0 && band < bands.length) {
                    bands[band] += re * re + im * im;
                }
            }
        }
        double total = java.util.Arrays.stream(bands).sum();
        return java.util.Arrays.stream(bands).map(b -> b / total).toArray();
    }

    private static double l1(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum;
    }

    @Test
    void generatedManifestReadsBack() throws Exception {
        Path manifest = DemoCorpus.generate(dir, 5, 1.0, 2);
        List<ManifestEntry> entries = SongManifest.read(manifest, "label");

        assertThat(entries).hasSize(5);
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.audio()).exists();
            assertThat(entry.labels()).containsKeys("style", "language");
            assertThat(entry.lyrics()).isNotBlank();
        });
        assertThat(entries).extracting(e -> e.labels().get("style")).containsExactly("ballad", "electronic", "rock", "folk", "jazz");
    }

    static double rms(byte[] pcm16le) {
        double sum = 0;
        int samples = pcm16le.length / 2;
        for (int i = 0; i < samples; i++) {
            short sample = (short) ((pcm16le[2 * i] & 0xFF) | (pcm16le[2 * i + 1] << 8));
            sum += (double) sample * sample;
        }
        return Math.sqrt(sum / Math.max(1, samples));
    }
}
