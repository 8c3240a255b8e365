package dev.musicluster.cli;

import ai.djl.Device;
import dev.musicluster.contracts.MusicnnTags;
import dev.musicluster.contracts.tensor.NpyArray;
import dev.musicluster.contracts.tensor.NpyFormat;
import dev.musicluster.feature.decode.AudioDecoder;
import dev.musicluster.feature.decode.DecodeSettings;
import dev.musicluster.feature.domain.audio.BadAudioException;
import dev.musicluster.feature.domain.audio.ClipWindow;
import dev.musicluster.feature.domain.audio.PcmAudio;
import dev.musicluster.feature.domain.dsp.SpectrogramConfig;
import dev.musicluster.feature.domain.musicnn.MusicnnEncoder;
import dev.musicluster.feature.domain.musicnn.MusicnnInput;
import dev.musicluster.feature.domain.musicnn.MusicnnPrecision;
import dev.musicluster.feature.domain.musicnn.MusicnnRepresentation;
import dev.musicluster.feature.domain.summary.SongFeatures;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "features", mixinStandardHelpOptions = true,
        description = "Compute the feature service's features for audio files, without Kafka: <name>.logmel.npy and "
                + "<name>.mfcc.npy per file, summary.csv (one row per file, one column per summary value), and musicnn's "
                + "representation: <name>.musicnn-embedding.npy (MSD 200 then MTT 200), <name>.musicnn-tags.npy (100 tag "
                + "probabilities, named in musicnn-tags.txt), <name>.musicnn-patches.npy (every 3-s patch: MSD and MTT embeddings, "
                + "MSD and MTT tags, patches x 500) and tags.csv (each file's five most likely tags).")
final class FeaturesCommand implements Callable<Integer> {

    static {
        // musicnn's PyTorch natives ship in a jar beside this one: DJL must never look for them on the network.
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }

    @Parameters(paramLabel = "FILES", arity = "1..*", description = "Audio files: WAV, AIFF, AU, MP3, OGG, FLAC, M4A, AAC, anything ffmpeg reads; every one through ffmpeg.")
    List<Path> files;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--window", defaultValue = DecodeSettings.DEFAULT_WINDOW, description = "FIRST, CENTRE or WHOLE (default: ${DEFAULT-VALUE}).")
    ClipWindow window;

    @Option(names = "--seconds", defaultValue = DecodeSettings.DEFAULT_WINDOW_SECONDS, description = "Window length in seconds (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--mfcc", defaultValue = "20", description = "MFCC count (default: ${DEFAULT-VALUE}).")
    int mfcc;

    @Option(names = "--no-musicnn", description = "Leave musicnn's networks out (the features alone, faster).")
    boolean noMusicnn;

    @Option(names = "--precision", defaultValue = "auto", paramLabel = "auto|float32|bfloat16",
            description = "musicnn's arithmetic: bfloat16 where the CPU computes it natively, float32 elsewhere (default: ${DEFAULT-VALUE}).")
    String precision;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(out);
        SpectrogramConfig config = SpectrogramConfig.DEFAULT.withMfcc(mfcc);
        DecodeSettings plain = new DecodeSettings(config.sampleRate(), window, seconds, 3600);
        DecodeSettings settings = noMusicnn ? plain : plain.alsoAt(MusicnnInput.SAMPLE_RATE);
        AudioDecoder decoder = new AudioDecoder("ffmpeg", "ffprobe");
        SongFeatures.Extractor extractor = new SongFeatures.Extractor(config);
        try (MusicnnEncoder musicnn = noMusicnn ? null
                : MusicnnEncoder.bundled(Device.cpu(), MusicnnPrecision.of(precision, Device.cpu()))) {
            if (musicnn != null) {
                System.out.println(musicnn.version());
            }
            return extract(decoder, settings, extractor, musicnn);
        }
    }

    private int extract(AudioDecoder decoder, DecodeSettings settings, SongFeatures.Extractor extractor, MusicnnEncoder musicnn)
            throws java.io.IOException {
        List<List<Object>> tagRows = new ArrayList<>();
        List<String> names = null;
        List<List<Object>> rows = new ArrayList<>();
        int failed = 0;
        double audioSeconds = 0;
        long totalNanos = 0;
        for (Path file : files) {
            String name = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
            try {
                long started = System.nanoTime();
                PcmAudio audio = decoder.decode(file, settings);
                long decoded = System.nanoTime();
                SongFeatures features = extractor.extract(audio);
                long featured = System.nanoTime();
                MusicnnRepresentation pretrained = musicnn == null ? null : musicnn.encode(audio.at(MusicnnInput.SAMPLE_RATE).samples());
                long computed = System.nanoTime();
                NpyFormat.write(features.logMel(), out.resolve(name + ".logmel.npy"));
                NpyFormat.write(features.mfcc(), out.resolve(name + ".mfcc.npy"));
                if (pretrained != null) {
                    NpyFormat.write(new NpyArray(new int[] {400}, pretrained.embedding()), out.resolve(name + ".musicnn-embedding.npy"));
                    NpyFormat.write(new NpyArray(new int[] {100}, pretrained.tags()), out.resolve(name + ".musicnn-tags.npy"));
                    NpyFormat.write(new NpyArray(new int[] {pretrained.patches(), MusicnnRepresentation.PATCH_WIDTH}, pretrained.perPatch()),
                            out.resolve(name + ".musicnn-patches.npy"));
                    tagRows.add(List.of(name, String.join(", ", MusicnnTags.top(toDouble(pretrained.tags()), 5).stream()
                            .map(t -> String.format(Locale.ROOT, "%s %.2f", t.name(), t.probability())).toList())));
                }
                System.out.printf("%-32s logmel %s  mfcc %s  decode %6.1f ms  features %6.1f ms  musicnn %6.1f ms  (%.1f s of audio)%n",
                        name, shape(features.logMel().shape()), shape(features.mfcc().shape()), (decoded - started) / 1e6,
                        (featured - decoded) / 1e6, (computed - featured) / 1e6, audio.seconds());
                audioSeconds += audio.seconds();
                totalNanos += computed - started;
                names = features.summary().names();
                List<Object> row = new ArrayList<>(List.of(name));
                for (float value : features.summary().values()) {
                    row.add(value);
                }
                rows.add(row);
            } catch (BadAudioException e) {
                failed++;
                System.out.printf("%-32s refused: %s%n", name, e.getMessage());
            }
        }
        if (names != null) {
            List<String> header = new ArrayList<>(List.of("id"));
            header.addAll(names);
            try (Writer writer = Files.newBufferedWriter(out.resolve("summary.csv"), StandardCharsets.UTF_8);
                 CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).build().print(writer)) {
                printer.printRecords(rows);
            }
        }
        if (!tagRows.isEmpty()) {
            try (Writer writer = Files.newBufferedWriter(out.resolve("tags.csv"), StandardCharsets.UTF_8);
                 CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader("id", "top_tags").build().print(writer)) {
                printer.printRecords(tagRows);
            }
            Files.write(out.resolve("musicnn-tags.txt"), MusicnnTags.NAMES, StandardCharsets.UTF_8);
        }
        System.out.printf("%d files, %d refused; %.1f s of audio in %.2f s (%.0f x real time); written to %s%n",
                files.size(), failed, audioSeconds, totalNanos / 1e9, audioSeconds / Math.max(1e-9, totalNanos / 1e9), out);
        return failed == 0 ? 0 : Reports.SOME_SONGS_REFUSED;
    }

    private static double[] toDouble(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    private static String shape(int[] shape) {
        return shape[0] + "x" + shape[1];
    }
}
