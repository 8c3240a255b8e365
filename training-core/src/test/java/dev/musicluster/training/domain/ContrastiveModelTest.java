package dev.musicluster.training.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.musicluster.training.domain.data.CropPairs;
import dev.musicluster.training.domain.data.TrainingSet;
import dev.musicluster.training.domain.model.HyperParameters;
import dev.musicluster.training.domain.model.ModelKind;
import dev.musicluster.training.domain.model.ModelSpec;
import dev.musicluster.training.domain.network.Devices;
import dev.musicluster.training.domain.network.EpochResult;
import dev.musicluster.training.domain.network.NetworkTraining;
import dev.musicluster.training.domain.network.NtXentLoss;
import dev.musicluster.training.domain.network.TrainedNetwork;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The contrastive model: its views, its loss against values worked out by hand, and real training on made-up songs. */
class ContrastiveModelTest {

    @Test
    void bothViewsOfAPairComeFromTheirSongShiftedByAtMostTwoBands() {
        int mels = 16;
        int frames = 40;
        int songs = 5;
        // Song s, band b holds 1000·s + 10·b at every frame; a huge band scale makes the gain negligible.
        float[] logMel = new float[songs * mels * frames];
        for (int i = 0; i < logMel.length; i++) {
            logMel[i] = 1000f * (i / (mels * frames)) + 10f * ((i / frames) % mels);
        }
        float[] scale = new float[mels];
        Arrays.fill(scale, 1e6f);
        CropPairs pairs = new CropPairs(logMel, mels, frames, 8, scale, new SplittableRandom(3));
        long[] batch = {4, 1, 3};
        float[] views = pairs.views(batch);
        assertThat(views).hasSize(2 * batch.length * mels * 8);
        for (int slot = 0; slot < 2 * batch.length; slot++) {
            long song = batch[slot % batch.length];
            for (int b = 0; b < mels; b++) {
                float value = views[(slot * mels + b) * 8 + 3];
                assertThat(Math.round((value - 1000f * song) / 10f) - b).as("band shift of view %d, band %d", slot, b)
                        .isBetween(-2, 2);
                assertThat(value).as("view %d comes from song %d", slot, song).isCloseTo(1000f * song + 10f * b, org.assertj.core.data.Offset.offset(25f));
            }
        }
        assertThatThrownBy(() -> new CropPairs(logMel, mels, frames, 41, scale, new SplittableRandom(3))).hasMessageContaining("41 frames");
    }

    @Test
    void ntXentIsNearZeroWhenEachViewFindsOnlyItsPartnerAndLogOfTheRowsWhenViewsAreAlike() {
        try (NDManager manager = Devices.engine().newBaseManager(Device.cpu())) {
            NtXentLoss loss = new NtXentLoss(0.1);
            // Three songs, each pair of views identical and orthogonal to the others: the positive wins by e^10.
            float[] separated = new float[6 * 3];
            for (int row = 0; row < 6; row++) {
                separated[row * 3 + row % 3] = 1f;
            }
            float perfect = loss.evaluate(null, new NDList(manager.create(separated, new Shape(6, 3)))).getFloat();
            assertThat((double) perfect).isCloseTo(Math.log(1 + 4 * Math.exp(-10)), org.assertj.core.data.Offset.offset(1e-4));
            // Every view alike: each picks its partner out of 5 equal candidates.
            float[] alike = new float[6 * 3];
            Arrays.fill(alike, 1f);
            float chance = loss.evaluate(null, new NDList(manager.create(alike, new Shape(6, 3)))).getFloat();
            assertThat((double) chance).isCloseTo(Math.log(5), org.assertj.core.data.Offset.offset(1e-4));
            assertThatThrownBy(() -> loss.evaluate(null, new NDList(manager.create(new float[6], new Shape(2, 3)))))
                    .hasMessageContaining("at least 2 songs");
        }
    }

    @Test
    void trainingOnCropsAloneLowersTheLossAndPutsEachSongNearestToItsOwnKind() {
        TrainingSet songs = SyntheticSongs.generate(48, 128, 17);
        HyperParameters hp = HyperParameters.of(Map.of("epochs", "6", "batch", "16", "latent", "8", "song-frames", "128",
                "crop-frames", "32", "crop-pairs", "3", "lr", "0.002"));
        List<EpochResult> epochs = new ArrayList<>();
        try (TrainedNetwork network = NetworkTraining.fit(ModelSpec.of(ModelKind.CONTRASTIVE, hp), hp, songs, Device.cpu(), epochs::add)) {
            assertThat(epochs).hasSize(6).allSatisfy(e -> assertThat(e.loss()).isFinite().isPositive());
            assertThat(epochs.get(5).loss()).as("NT-Xent, last epoch vs first").isLessThan(epochs.get(0).loss() * 0.8);
            float[][] latents = network.encode(songs);
            assertThat(latents).hasNumberOfRows(48);
            assertThat(latents[0]).hasSize(8);
            int right = 0;
            for (int s = 0; s < latents.length; s++) {
                right += nearest(latents, s) % 3 == s % 3 ? 1 : 0;
            }
            assertThat(right).as("songs whose nearest neighbour is of their kind").isEqualTo(48);
            assertThatThrownBy(() -> network.reconstructAudio(songs)).hasMessageContaining("no decoder");
        }
    }

    private static int nearest(float[][] points, int of) {
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        for (int j = 0; j < points.length; j++) {
            double distance = 0;
            for (int d = 0; d < points[of].length && j != of; d++) {
                distance += Math.pow(points[of][d] - points[j][d], 2);
            }
            if (j != of && distance < bestDistance) {
                bestDistance = distance;
                best = j;
            }
        }
        return best;
    }
}
