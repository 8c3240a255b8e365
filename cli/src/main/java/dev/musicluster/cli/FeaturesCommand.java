package dev.musicluster.cli;

import dev.musicluster.contracts.tensor.NpyFormat;
import dev.musicluster.feature.decode.AudioDecoders;
import dev.musicluster.feature.decode.DecodeSettings;
import dev.musicluster.feature.domain.audio.BadAudioException;
import dev.musicluster.feature.domain.audio.ClipWindow;
import dev.musicluster.feature.domain.audio.PcmAudio;
import dev.musicluster.feature.domain.dsp.SpectrogramConfig;
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
                + "<name>.mfcc.npy per file, and summary.csv (one row per file, one column per summary value).")
final class FeaturesCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILES", arity = "1..*", description = "Audio files: WAV, AIFF, AU natively; MP3, OGG, FLAC, M4A through ffmpeg.")
    List<Path> files;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--window", defaultValue = DecodeSettings.DEFAULT_WINDOW, description = "FIRST, CENTRE or WHOLE (default: ${DEFAULT-VALUE}).")
    ClipWindow window;

    @Option(names = "--seconds", defaultValue = DecodeSettings.DEFAULT_WINDOW_SECONDS, description = "Window length in seconds (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--mfcc", defaultValue = "20", description = "MFCC count (default: ${DEFAULT-VALUE}).")
    int mfcc;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(out);
        SpectrogramConfig config = SpectrogramConfig.DEFAULT.withMfcc(mfcc);
        DecodeSettings settings = new DecodeSettings(config.sampleRate(), window, seconds, 3600);
        AudioDecoders decoders = new AudioDecoders("ffmpeg", "ffprobe");
        SongFeatures.Extractor extractor = new SongFeatures.Extractor(config);
        List<String> names = null;
        List<List<Object>> rows = new ArrayList<>();
        int failed = 0;
        double audioSeconds = 0;
        long totalNanos = 0;
        for (Path file : files) {
            String name = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
            try {
                long started = System.nanoTime();
                PcmAudio audio = decoders.decode(file, container(file), settings);
                long decoded = System.nanoTime();
                SongFeatures features = extractor.extract(audio);
                long computed = System.nanoTime();
                NpyFormat.write(features.logMel(), out.resolve(name + ".logmel.npy"));
                NpyFormat.write(features.mfcc(), out.resolve(name + ".mfcc.npy"));
                System.out.printf("%-32s logmel %s  mfcc %s  decode %6.1f ms  features %6.1f ms  (%.1f s of audio)%n", name,
                        shape(features.logMel().shape()), shape(features.mfcc().shape()), (decoded - started) / 1e6,
                        (computed - decoded) / 1e6, audio.seconds());
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
        System.out.printf("%d files, %d refused; %.1f s of audio in %.2f s (%.0f x real time); written to %s%n",
                files.size(), failed, audioSeconds, totalNanos / 1e9, audioSeconds / Math.max(1e-9, totalNanos / 1e9), out);
        return failed == 0 ? 0 : Reports.SOME_SONGS_REFUSED;
    }

    private static String container(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return switch (extension) {
            case "wave" -> "wav";
            case "aif", "aifc" -> "aiff";
            case "snd" -> "au";
            default -> extension;
        };
    }

    private static String shape(int[] shape) {
        return shape[0] + "x" + shape[1];
    }
}
