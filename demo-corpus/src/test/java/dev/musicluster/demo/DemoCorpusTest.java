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

    @Test
    void stylesSoundDifferent() throws Exception {
        double[] energies = new double[Style.values().length];
        for (Style style : Style.values()) {
            Path wav = dir.resolve(style.label() + ".wav");
            DemoCorpus.renderSong(style, 1, 2.0, wav);
            try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
                energies[style.ordinal()] = rms(in.readAllBytes());
            }
        }
        assertThat(java.util.Arrays.stream(energies).distinct().count()).isEqualTo(Style.values().length);
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
