package dev.musicluster.training.domain;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import dev.musicluster.training.domain.data.TrainingSet;
import dev.musicluster.training.domain.model.HyperParameters;
import dev.musicluster.training.domain.model.ModelKind;
import dev.musicluster.training.domain.model.ModelSpec;
import dev.musicluster.training.domain.network.NetworkTraining;
import dev.musicluster.training.domain.network.TrainedNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The hybrid keeps what the lyrics embedding puts first. Songs shaped like songs-en-de: audio that says nothing
 * about language, lyrics embedded the embedding service's way — a language block (each language's share times 3)
 * beside many small content values that have a structure of their own (topics shared by both languages). Scaled per
 * column, the two language columns would weigh as little as any two of the 62 content columns and the latent would
 * follow the topics; scaled as one block, the latent's first split is the language.
 */
class HybridLanguageTest {

    private static final int SUMMARY = 24;
    private static final int LANGUAGES = 2;
    private static final int CONTENT = 62;

    @Test
    void theHybridLatentSplitsByTheLanguageTheEmbeddingWeighsFirst() {
        int songs = 120;
        List<String> languages = new ArrayList<>();
        TrainingSet set = bilingual(songs, languages, new Random(5));
        HyperParameters hp = HyperParameters.of(Map.of("epochs", "30", "batch", "16", "latent", "8", "seed", "42"));
        try (TrainedNetwork network = NetworkTraining.fit(ModelSpec.of(ModelKind.HYBRID_VAE, hp), hp, set, Device.cpu(), e -> { })) {
            int[] split = twoMeans(network.encode(set));
            int agree = 0;
            for (int s = 0; s < songs; s++) {
                agree += (split[s] == 0) == languages.get(s).equals("de") ? 1 : 0;
            }
            double accuracy = Math.max(agree, songs - agree) / (double) songs;
            System.out.printf("hybrid latent, 2-means against language: %.3f of %d songs%n", accuracy, songs);
            assertThat(accuracy).as("share of songs whose 2-means cluster is their language").isGreaterThanOrEqualTo(0.95);
        }
    }

    private static TrainingSet bilingual(int songs, List<String> languages, Random random) {
        List<String> ids = new ArrayList<>();
        float[] summary = new float[songs * SUMMARY];
        int width = LANGUAGES + CONTENT;
        float[] lyrics = new float[songs * width];
        float[] mask = new float[songs];
        for (int s = 0; s < songs; s++) {
            ids.add("song-" + s);
            int language = s % 2;
            int topic = random.nextInt(4);
            int sound = random.nextInt(3);
            languages.add(language == 0 ? "de" : "en");
            for (int c = 0; c < SUMMARY; c++) {
                summary[s * SUMMARY + c] = (float) ((c % 3 == sound ? 1.5 : 0) + random.nextGaussian());
            }
            lyrics[s * width + language] = 3f;
            for (int c = 0; c < CONTENT; c++) {
                lyrics[s * width + LANGUAGES + c] = (float) ((c % 4 == topic ? 0.12 : 0) + 0.03 * random.nextGaussian());
            }
            mask[s] = 1f;
        }
        return new TrainingSet(ids, summary, SUMMARY, new float[0], 0, 0, lyrics, width, mask, languages);
    }

    /** Lloyd's k-means with k = 2, started from the first song and the song farthest from it. */
    private static int[] twoMeans(float[][] latents) {
        double[][] points = new double[latents.length][];
        for (int p = 0; p < latents.length; p++) {
            points[p] = new double[latents[p].length];
            for (int d = 0; d < latents[p].length; d++) {
                points[p][d] = latents[p][d];
            }
        }
        int farthest = 0;
        for (int p = 1; p < points.length; p++) {
            farthest = distance(points[p], points[0]) > distance(points[farthest], points[0]) ? p : farthest;
        }
        double[][] centres = {points[0].clone(), points[farthest].clone()};
        int[] cluster = new int[points.length];
        for (int iteration = 0; iteration < 50; iteration++) {
            double[][] sums = new double[2][points[0].length];
            int[] counts = new int[2];
            for (int p = 0; p < points.length; p++) {
                cluster[p] = distance(points[p], centres[0]) <= distance(points[p], centres[1]) ? 0 : 1;
                counts[cluster[p]]++;
                for (int d = 0; d < points[p].length; d++) {
                    sums[cluster[p]][d] += points[p][d];
                }
            }
            for (int k = 0; k < 2; k++) {
                for (int d = 0; d < sums[k].length && counts[k] > 0; d++) {
                    centres[k][d] = sums[k][d] / counts[k];
                }
            }
        }
        return cluster;
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int d = 0; d < a.length; d++) {
            sum += (a[d] - b[d]) * (a[d] - b[d]);
        }
        return sum;
    }
}
