package dev.musicluster.demo;

import dev.musicluster.library.ManifestEntry;
import dev.musicluster.library.SongManifest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * The synthetic demo corpus: songs in every {@link Style} crossed with lyrics in every language of
 * {@link PublicDomainLyrics}, rendered to WAV, with a manifest CSV carrying {@code style} and {@code language}
 * labels. Style and language vary independently, so audio clustering should find style and lyrics clustering
 * language. Deterministic: the same arguments give the same files, byte for byte.
 */
public final class DemoCorpus {

    public static final int DEFAULT_SONGS = 60;
    public static final double DEFAULT_SECONDS = 30.0;
    public static final float SAMPLE_RATE = 22_050f;
    public static final String MANIFEST = "songs.csv";

    private DemoCorpus() {
    }

    /** The corpus without its audio: which song has which style, language and lyrics. */
    public static List<ManifestEntry> plan(Path dir, int songs) {
        List<ManifestEntry> entries = new ArrayList<>();
        Style[] styles = Style.values();
        List<String> languages = PublicDomainLyrics.LANGUAGES;
        int[] usedPerLanguage = new int[languages.size()];
        for (int i = 0; i < songs; i++) {
            Style style = styles[i % styles.length];
            int languageIndex = (i / styles.length) % languages.size();
            String language = languages.get(languageIndex);
            List<String> passages = PublicDomainLyrics.passages(language);
            String lyrics = passages.get(usedPerLanguage[languageIndex]++ % passages.size());
            String id = String.format("demo-%03d", i + 1);
            entries.add(new ManifestEntry(id, dir.resolve("audio").resolve(id + ".wav"),
                    "Demo " + capitalise(style.label()) + " " + (i + 1), "musicluster " + style.label() + " ensemble",
                    lyrics, Map.of("style", style.label(), "language", language), "audio/" + id + ".wav"));
        }
        return entries;
    }

    /**
     * Writes the corpus into {@code dir} and returns the manifest's path. Songs already rendered with the same
     * length are kept, so a second call is quick.
     */
    public static Path generate(Path dir, int songs, double seconds, int threads) throws IOException {
        Files.createDirectories(dir.resolve("audio"));
        List<ManifestEntry> entries = plan(dir, songs);
        MidiRenderer renderer = new MidiRenderer(SAMPLE_RATE);
        long expectedBytes = Math.round(seconds * SAMPLE_RATE) * 2L;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<?>> rendering = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                ManifestEntry entry = entries.get(i);
                Style style = Style.valueOf(entry.labels().get("style").toUpperCase(java.util.Locale.ROOT));
                long seed = i + 1;
                rendering.add(pool.submit(() -> {
                    if (!isRendered(entry.audio(), expectedBytes)) {
                        writeWav(renderer, renderer.render(SongComposer.compose(style, seed, seconds), seconds), entry.audio());
                    }
                    return null;
                }));
            }
            for (Future<?> future : rendering) {
                future.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while rendering the demo corpus", e);
        } finally {
            pool.shutdownNow();
        }
        Path manifest = dir.resolve(MANIFEST);
        SongManifest.writeCsv(manifest, entries, List.of("language", "style"));
        return manifest;
    }

    /** Renders one song of a style to a WAV file: for tests that need a single real recording. */
    public static void renderSong(Style style, long seed, double seconds, Path wav) throws IOException {
        MidiRenderer renderer = new MidiRenderer(SAMPLE_RATE);
        Files.createDirectories(wav.toAbsolutePath().getParent());
        writeWav(renderer, renderer.render(SongComposer.compose(style, seed, seconds), seconds), wav);
    }

    private static boolean isRendered(Path wav, long pcmBytes) {
        try {
            return Files.isRegularFile(wav) && Files.size(wav) == pcmBytes + 44;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeWav(MidiRenderer renderer, byte[] pcm, Path wav) throws IOException {
        Path partial = wav.resolveSibling(wav.getFileName() + ".part");
        try (AudioInputStream stream = new AudioInputStream(new ByteArrayInputStream(pcm), renderer.format(), pcm.length / 2)) {
            AudioSystem.write(stream, AudioFileFormat.Type.WAVE, partial.toFile());
        }
        Files.move(partial, wav, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static String capitalise(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
