package dev.musicluster.cli;

import dev.musicluster.demo.PublicDomainLyrics;
import dev.musicluster.feature.domain.simulation.SimulatedAnalysis;
import dev.musicluster.library.ManifestEntry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The scale harness's library: N tiny WAV files, each a few random samples that the feature service's simulated
 * analysis turns into a song of the real shape ({@link SimulatedAnalysis}). Like a real library: albums of
 * {@link #ALBUM} songs by one artist, one song in {@link #DUPLICATE_EVERY} the same recording as an earlier one under
 * another id, one in {@link #LYRICS_EVERY} with lyrics (public-domain passages in six languages). Each song's
 * {@code sound} label is its mixture component: it only scores the clustering.
 */
final class SimulatedLibrary {

    static final int ALBUM = 12;
    static final int DUPLICATE_EVERY = 100;
    static final int LYRICS_EVERY = 5;
    private static final int SAMPLES = 32;

    private SimulatedLibrary() {
    }

    /** Writes the files under {@code dir} (a folder per thousand) and returns the songs, the same for the same seed. */
    static List<ManifestEntry> write(Path dir, int songs, long seed) throws IOException {
        List<ManifestEntry> entries = new ArrayList<>(songs);
        SplittableRandom random = new SplittableRandom(seed);
        List<List<String>> passages = PublicDomainLyrics.LANGUAGES.stream().map(PublicDomainLyrics::passages).toList();
        Path previous = null;
        for (int i = 0; i < songs; i++) {
            Path file = dir.resolve(String.format("%03d", i / 1000)).resolve(String.format("sim-%06d.wav", i));
            Files.createDirectories(file.getParent());
            boolean duplicate = previous != null && i % DUPLICATE_EVERY == DUPLICATE_EVERY - 1;
            byte[] wav = duplicate ? Files.readAllBytes(previous) : wav(random);
            Files.write(file, wav);
            String sha = sha256(wav);
            String lyrics = null;
            if (i % LYRICS_EVERY == 0) {
                List<String> language = passages.get((i / LYRICS_EVERY) % passages.size());
                lyrics = language.get((i / LYRICS_EVERY / passages.size()) % language.size());
            }
            String artist = "Simulated Artist " + (i / ALBUM);
            entries.add(new ManifestEntry(String.format("sim-%06d", i), file, "Song " + i, artist, lyrics,
                    Map.of("sound", "sound-" + SimulatedAnalysis.component(sha)), dir.relativize(file).toString()));
            previous = file;
        }
        return entries;
    }

    /** A mono 16-bit WAV of a few random samples: what makes each recording its own. */
    private static byte[] wav(SplittableRandom random) {
        ByteBuffer wav = ByteBuffer.allocate(44 + 2 * SAMPLES).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + 2 * SAMPLES)
                .put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(22_050).putInt(44_100).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(2 * SAMPLES);
        for (int s = 0; s < SAMPLES; s++) {
            wav.putShort((short) random.nextInt(-1000, 1000));
        }
        return wav.array();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
