package dev.musicluster.bench;

import ai.djl.Device;
import dev.musicluster.clustering.domain.algorithms.KMeans;
import dev.musicluster.clustering.domain.metrics.ContingencyTable;
import dev.musicluster.clustering.domain.metrics.ExternalMetrics;
import dev.musicluster.contracts.vector.Standardisation;
import dev.musicluster.demo.DemoCorpus;
import dev.musicluster.feature.decode.AudioDecoder;
import dev.musicluster.feature.decode.DecodeSettings;
import dev.musicluster.feature.domain.audio.PcmAudio;
import dev.musicluster.feature.domain.dsp.SpectrogramConfig;
import dev.musicluster.feature.domain.musicnn.MusicnnAgreement;
import dev.musicluster.feature.domain.musicnn.MusicnnEncoder;
import dev.musicluster.feature.domain.musicnn.MusicnnInput;
import dev.musicluster.feature.domain.musicnn.MusicnnPrecision;
import dev.musicluster.feature.domain.musicnn.MusicnnRepresentation;
import dev.musicluster.feature.domain.summary.SongFeatures;
import dev.musicluster.library.ManifestEntry;
import dev.musicluster.library.SongManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The song analysis as it was before issue 31 (ffprobe's length, musicnn in float32) and as it is now (the container's
 * length where its header states it, musicnn in the machine's precision), song by song over real and generated sets,
 * in one run on one thread: every song the way before, then every song the way now, each way's encoder made only for
 * its pass (in a JVM where bfloat16 convolutions have run, float32's took up to twice as long, so the two are not
 * interleaved). Prints, per set, the time of each step
 * and songs per hour per core of both ways and their ratio; the quality bounds ({@link MusicnnAgreement}: every
 * embedding within cosine 0.995, the top three tags the same for 95 % of the songs); and k-means' NMI against the
 * set's labels on each way's embeddings (standardised, as the {@code musicnn} model, five seeds).
 *
 * <pre>java -Dai.djl.pytorch.num_threads=1 --add-opens java.desktop/com.sun.media.sound=ALL-UNNAMED \
 *     -cp benchmarks/target/benchmarks.jar dev.musicluster.bench.FastAnalysisBench
 *     [--data ../shared/data] [--sets emotify-dev,songs-en-de,demo] [--demo-songs 60] [--limit N]</pre>
 */
public final class FastAnalysisBench {

    private static final int[] SEEDS = {42, 43, 44, 45, 46};

    private FastAnalysisBench() {
    }

    /** One way of analysing a song, and what it cost, step by step. */
    private static final class Way {
        final String name;
        final AudioDecoder decoder;
        final MusicnnPrecision precision;
        final SongFeatures.Extractor extractor = new SongFeatures.Extractor(SpectrogramConfig.DEFAULT);
        final List<MusicnnRepresentation> representations = new ArrayList<>();
        MusicnnEncoder encoder;
        long decodeNanos;
        long featureNanos;
        long musicnnNanos;

        Way(String name, AudioDecoder decoder, MusicnnPrecision precision) {
            this.name = name;
            this.decoder = decoder;
            this.precision = precision;
        }

        /** Every song, the first once more untimed before (the JIT and oneDNN's kernels for these shapes). */
        void analyseAll(String set, List<ManifestEntry> songs) throws IOException {
            try (MusicnnEncoder made = MusicnnEncoder.bundled(Device.cpu(), precision)) {
                encoder = made;
                analyse(songs.get(0).audio());
                reset();
                for (int i = 0; i < songs.size(); i++) {
                    analyse(songs.get(i).audio());
                    if ((i + 1) % 50 == 0) {
                        System.out.printf("  %s, %s: %d of %d songs%n", set, name, i + 1, songs.size());
                    }
                }
            } finally {
                encoder = null;
            }
        }

        MusicnnRepresentation analyse(Path song) throws IOException {
            long start = System.nanoTime();
            PcmAudio audio = decoder.decode(song, DecodeSettings.DEFAULT.alsoAt(MusicnnInput.SAMPLE_RATE));
            long decoded = System.nanoTime();
            extractor.extract(audio);
            long featured = System.nanoTime();
            MusicnnRepresentation representation = encoder.encode(audio.at(MusicnnInput.SAMPLE_RATE).samples());
            musicnnNanos += System.nanoTime() - featured;
            featureNanos += featured - decoded;
            decodeNanos += decoded - start;
            representations.add(representation);
            return representation;
        }

        void reset() {
            representations.clear();
            decodeNanos = 0;
            featureNanos = 0;
            musicnnNanos = 0;
        }

        double millisPerSong() {
            return (decodeNanos + featureNanos + musicnnNanos) / 1e6 / representations.size();
        }

        String describe() {
            int n = representations.size();
            return String.format(Locale.ROOT, "%-34s decode %6.1f  features %6.1f  musicnn %7.1f  song %7.1f ms  = %5.0f songs per hour per core",
                    name, decodeNanos / 1e6 / n, featureNanos / 1e6 / n, musicnnNanos / 1e6 / n, millisPerSong(), 3_600_000 / millisPerSong());
        }
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(option(args, "--data", "../shared/data"));
        List<String> setNames = List.of(option(args, "--sets", "emotify-dev,songs-en-de,demo").split(","));
        int demoSongs = Integer.parseInt(option(args, "--demo-songs", "60"));
        int limit = Integer.parseInt(option(args, "--limit", "100000"));
        MusicnnPrecision fast = MusicnnPrecision.of(option(args, "--precision", "auto"), Device.cpu());
        System.out.printf("musicnn's fast path runs in %s on this CPU (bfloat16 native: %s); PyTorch threads: %s%n", fast.id(),
                MusicnnPrecision.nativeBFloat16(), System.getProperty("ai.djl.pytorch.num_threads", "PyTorch's default"));
        List<String> names = new ArrayList<>();
        List<Way[]> ways = new ArrayList<>();
        List<List<ManifestEntry>> sets = new ArrayList<>();
        for (String set : setNames) {
            List<ManifestEntry> songs = songs(set, data, demoSongs);
            if (songs.isEmpty()) {
                System.out.printf("%s: absent, skipped%n", set);
                continue;
            }
            names.add(set);
            sets.add(songs.subList(0, Math.min(limit, songs.size())));
            ways.add(new Way[] {new Way("before (ffprobe, float32)", new AudioDecoder("ffmpeg", "ffprobe", AudioDecoder.StreamFacts.FFPROBE),
                    MusicnnPrecision.FLOAT32), new Way("now (" + fast.id() + ", header if exact)", new AudioDecoder("ffmpeg", "ffprobe"), fast)});
        }
        // Every set the way before, then every set the way now: no bfloat16 convolution runs before float32's are timed.
        for (int w = 0; w < 2; w++) {
            for (int i = 0; i < sets.size(); i++) {
                ways.get(i)[w].analyseAll(names.get(i), sets.get(i));
            }
        }
        for (int i = 0; i < sets.size(); i++) {
            report(names.get(i), sets.get(i), ways.get(i)[0], ways.get(i)[1]);
        }
    }

    private static List<ManifestEntry> songs(String set, Path data, int demoSongs) throws IOException {
        if (set.equals("demo")) {
            Path dir = Path.of("target/fast-analysis-demo");
            if (!Files.isRegularFile(dir.resolve(DemoCorpus.MANIFEST))) {
                DemoCorpus.generate(dir, demoSongs, DemoCorpus.DEFAULT_SECONDS, Runtime.getRuntime().availableProcessors());
            }
            return SongManifest.readCsv(dir.resolve(DemoCorpus.MANIFEST));
        }
        Path csv = data.resolve(set).resolve("songs.csv");
        return Files.isRegularFile(csv) ? SongManifest.readCsv(csv) : List.of();
    }

    private static void report(String set, List<ManifestEntry> songs, Way before, Way now) {
        MusicnnAgreement agreement = new MusicnnAgreement();
        for (int i = 0; i < songs.size(); i++) {
            agreement.add(songs.get(i).id(), before.representations.get(i), now.representations.get(i));
        }
        String label = songs.get(0).labels().containsKey("genre") ? "genre" : "style";
        List<String> labels = songs.stream().map(s -> s.labels().getOrDefault(label, "")).toList();
        int k = (int) labels.stream().distinct().count();
        System.out.printf("%n== %s: %d songs ==%n%s%n%s%n", set, songs.size(), before.describe(), now.describe());
        System.out.printf(Locale.ROOT, "ratio (songs per hour per core, now / before): %.2f%n", before.millisPerSong() / now.millisPerSong());
        System.out.println("quality: " + agreement);
        double[] nmiBefore = nmi(before.representations, labels, k);
        double[] nmiNow = nmi(now.representations, labels, k);
        System.out.printf(Locale.ROOT, "k-means (k = %d) NMI against %s, seeds 42-46: before %.4f ± %.4f, now %.4f ± %.4f, difference %+.4f%n",
                k, label, mean(nmiBefore), std(nmiBefore), mean(nmiNow), std(nmiNow), mean(nmiNow) - mean(nmiBefore));
    }

    private static double[] nmi(List<MusicnnRepresentation> representations, List<String> labels, int k) {
        double[][] rows = new double[representations.size()][];
        for (int i = 0; i < rows.length; i++) {
            float[] e = representations.get(i).embedding();
            rows[i] = new double[e.length];
            for (int j = 0; j < e.length; j++) {
                rows[i][j] = e[j];
            }
        }
        double[][] standardised = Standardisation.apply(rows);
        double[] nmi = new double[SEEDS.length];
        for (int s = 0; s < SEEDS.length; s++) {
            int[] clusters = new KMeans(k, 10, SEEDS[s], 1).fit(standardised).labels();
            List<Integer> assigned = new ArrayList<>();
            for (int c : clusters) {
                assigned.add(c);
            }
            nmi[s] = ExternalMetrics.normalizedMutualInformation(ContingencyTable.of(labels, assigned));
        }
        return nmi;
    }

    private static double mean(double[] values) {
        return java.util.Arrays.stream(values).average().orElse(Double.NaN);
    }

    private static double std(double[] values) {
        double mean = mean(values);
        return Math.sqrt(java.util.Arrays.stream(values).map(v -> (v - mean) * (v - mean)).average().orElse(Double.NaN));
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
