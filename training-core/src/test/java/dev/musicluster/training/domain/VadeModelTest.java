package dev.musicluster.training.domain;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.musicluster.training.domain.data.TrainingSet;
import dev.musicluster.training.domain.model.HyperParameters;
import dev.musicluster.training.domain.model.ModelKind;
import dev.musicluster.training.domain.model.ModelSpec;
import dev.musicluster.training.domain.network.Devices;
import dev.musicluster.training.domain.network.EpochResult;
import dev.musicluster.training.domain.network.MixturePrior;
import dev.musicluster.training.domain.network.NetworkTraining;
import dev.musicluster.training.domain.network.TrainedNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** VaDE: the mixture prior's density against one worked out in plain Java, and training on made-up songs. */
class VadeModelTest {

    @Test
    void theMixturePriorsLogDensityIsTheLogOfTheMixtureOfItsGaussians() {
        int components = 3;
        int latent = 4;
        float[] points = {0f, 0f, 0f, 0f, 1f, -2f, 0.5f, 3f, -4f, 4f, -4f, 4f};
        try (NDManager manager = Devices.engine().newBaseManager(Device.cpu())) {
            MixturePrior prior = new MixturePrior(components, latent);
            prior.initialize(manager, DataType.FLOAT32, new Shape(3, latent));
            float[] means = prior.getParameters().get("means").getArray().toFloatArray();
            float[] density = prior.forward(new ParameterStore(manager, false), new NDList(manager.create(points, new Shape(3, latent))), false)
                    .singletonOrThrow().toFloatArray();
            assertThat(density).hasSize(3);
            for (int n = 0; n < 3; n++) {
                // Fresh prior: equal weights, unit variances, so p(z) = (1/K) Σ_c N(z; μ_c, I).
                double mixture = 0;
                for (int c = 0; c < components; c++) {
                    double squared = 0;
                    for (int d = 0; d < latent; d++) {
                        squared += Math.pow(points[n * latent + d] - means[c * latent + d], 2);
                    }
                    mixture += Math.exp(-0.5 * squared) / Math.pow(2 * Math.PI, latent / 2.0) / components;
                }
                assertThat((double) density[n]).as("point %d", n).isCloseTo(Math.log(mixture), Offset.offset(1e-4));
            }
        }
    }

    @Test
    void trainingLowersTheLossAndKeepsTheSongsOfEachKindTogether() {
        TrainingSet songs = SyntheticSongs.generate(48, 16, 23);
        HyperParameters hp = HyperParameters.of(Map.of("epochs", "30", "batch", "16", "latent", "4", "components", "3",
                "lr", "0.003"));
        List<EpochResult> epochs = new ArrayList<>();
        try (TrainedNetwork network = NetworkTraining.fit(ModelSpec.of(ModelKind.VADE, hp), hp, songs, Device.cpu(), epochs::add)) {
            assertThat(epochs).hasSize(30).allSatisfy(e -> assertThat(e.loss()).isFinite());
            assertThat(epochs.get(29).loss()).as("loss, last epoch vs first").isLessThan(epochs.get(0).loss());
            float[][] latents = network.encode(songs);
            double within = 0;
            double between = 0;
            int withinPairs = 0;
            int betweenPairs = 0;
            for (int a = 0; a < latents.length; a++) {
                for (int b = a + 1; b < latents.length; b++) {
                    double distance = 0;
                    for (int d = 0; d < latents[a].length; d++) {
                        distance += Math.pow(latents[a][d] - latents[b][d], 2);
                    }
                    if (a % 3 == b % 3) {
                        within += distance;
                        withinPairs++;
                    } else {
                        between += distance;
                        betweenPairs++;
                    }
                }
            }
            double ratio = (between / betweenPairs) / (within / withinPairs);
            System.out.printf("vade: mean squared distance between kinds / within kinds = %.1f%n", ratio);
            assertThat(ratio).as("between-kind over within-kind squared distance").isGreaterThan(8);
        }
    }
}
