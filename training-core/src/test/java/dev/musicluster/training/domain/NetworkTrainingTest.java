package dev.musicluster.training.domain;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import dev.musicluster.training.domain.data.TrainingSet;
import dev.musicluster.training.domain.model.HyperParameters;
import dev.musicluster.training.domain.model.Input;
import dev.musicluster.training.domain.model.ModelKind;
import dev.musicluster.training.domain.model.ModelSpec;
import dev.musicluster.training.domain.network.EpochResult;
import dev.musicluster.training.domain.network.NetworkTraining;
import dev.musicluster.training.domain.network.TrainedNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Real DJL/PyTorch training on the CPU, small: every member of the family learns, and a model survives saving. */
class NetworkTrainingTest {

    private static final TrainingSet SONGS = SyntheticSongs.generate(48, 32, 7);

    private static HyperParameters small(int epochs) {
        return HyperParameters.of(Map.of("epochs", Integer.toString(epochs), "batch", "16", "latent", "8",
                "mel-frames", "32", "song-frames", "32", "crop-frames", "16", "crop-pairs", "2", "lr", "0.002"));
    }

    @ParameterizedTest
    @EnumSource(value = ModelKind.class, names = {"CONTRASTIVE", "MUSICNN"}, mode = EnumSource.Mode.EXCLUDE)
    void everyReconstructingModelLowersItsLoss(ModelKind kind) {
        List<EpochResult> epochs = new ArrayList<>();
        try (TrainedNetwork network = NetworkTraining.fit(ModelSpec.of(kind, small(8)), small(8), SONGS, Device.cpu(), epochs::add)) {
            assertThat(epochs).hasSize(8);
            assertThat(epochs).allSatisfy(e -> assertThat(e.loss()).isFinite());
            assertThat(epochs.get(7).loss()).as("last epoch's loss vs the first's").isLessThan(epochs.get(0).loss() * 0.8);
            assertThat(epochs.get(7).reconstruction()).isLessThan(epochs.get(0).reconstruction());
            if (kind == ModelKind.AE) {
                assertThat(epochs).allSatisfy(e -> assertThat(e.kl()).isZero());
            } else {
                assertThat(epochs.get(7).kl()).isPositive();
            }
            float[][] latents = network.encode(SONGS);
            assertThat(latents).hasNumberOfRows(SONGS.size());
            assertThat(latents[0]).hasSize(8);
        }
    }

    @Test
    void convVaeReconstructsHeldBackSpectrogramsBetterThanTheMeanSpectrogram() {
        TrainingSet all = SyntheticSongs.generate(90, 32, 11);
        TrainingSet train = all.select(IntStream.range(0, 72).toArray());
        TrainingSet heldBack = all.select(IntStream.range(72, 90).toArray());
        HyperParameters hp = small(25);
        try (TrainedNetwork network = NetworkTraining.fit(ModelSpec.of(ModelKind.CONV_VAE, hp), hp, train, Device.cpu(), e -> { })) {
            float[] reconstructed = network.reconstructAudio(heldBack);
            int width = train.mels() * train.frames();
            float[] mean = new float[width];
            for (int s = 0; s < train.size(); s++) {
                for (int i = 0; i < width; i++) {
                    mean[i] += train.logMel()[s * width + i] / train.size();
                }
            }
            double modelError = 0;
            double baselineError = 0;
            for (int s = 0; s < heldBack.size(); s++) {
                for (int i = 0; i < width; i++) {
                    double truth = heldBack.logMel()[s * width + i];
                    modelError += Math.pow(truth - reconstructed[s * width + i], 2);
                    baselineError += Math.pow(truth - mean[i], 2);
                }
            }
            System.out.printf("held-back log-mel squared error: conv-vae %.1f, mean spectrogram %.1f (ratio %.3f)%n",
                    modelError, baselineError, modelError / baselineError);
            assertThat(modelError).as("squared error, conv-vae vs mean spectrogram").isLessThan(baselineError * 0.25);
        }
    }

    @Test
    void savedAndRestoredModelsGiveIdenticalLatents() {
        HyperParameters hp = small(3);
        for (ModelKind kind : List.of(ModelKind.CONV_VAE, ModelKind.HYBRID_VAE, ModelKind.CVAE, ModelKind.CONTRASTIVE, ModelKind.VADE)) {
            try (TrainedNetwork trained = NetworkTraining.fit(ModelSpec.of(kind, hp), hp, SONGS, Device.cpu(), e -> { });
                 TrainedNetwork restored = TrainedNetwork.restore(trained.shape(), trained.normalisation(), trained.parameters(), Device.cpu())) {
                assertThat(restored.encode(SONGS)).as(kind.id()).isDeepEqualTo(trained.encode(SONGS));
            }
        }
    }

    @Test
    void theHybridReadsTheSummaryVectorByDefaultAndTheSpectrogramWhenAsked() {
        assertThat(ModelSpec.of(ModelKind.HYBRID_VAE, small(8)).input()).isEqualTo(Input.SUMMARY_AND_LYRICS);
        Map<String, String> overrides = new java.util.HashMap<>(small(8).toMap());
        overrides.put("hybrid-audio", "log-mel");
        HyperParameters hp = HyperParameters.of(overrides);
        ModelSpec spec = ModelSpec.of(ModelKind.HYBRID_VAE, hp);
        assertThat(spec.input()).isEqualTo(Input.LOG_MEL_AND_LYRICS);
        List<EpochResult> epochs = new ArrayList<>();
        try (TrainedNetwork trained = NetworkTraining.fit(spec, hp, SONGS, Device.cpu(), epochs::add);
             TrainedNetwork restored = TrainedNetwork.restore(trained.shape(), trained.normalisation(), trained.parameters(), Device.cpu())) {
            assertThat(epochs.get(7).loss()).isLessThan(epochs.get(0).loss() * 0.8);
            assertThat(trained.shape().audioWidth()).as("the spectrogram, not the summary vector").isEqualTo(SONGS.mels() * 32);
            assertThat(restored.encode(SONGS)).isDeepEqualTo(trained.encode(SONGS));
        }
    }

    @Test
    void theSameSeedGivesTheSameModelOnCpu() {
        HyperParameters hp = small(3);
        for (ModelKind kind : List.of(ModelKind.CONV_VAE, ModelKind.CONTRASTIVE)) {
            ModelSpec spec = ModelSpec.of(kind, hp);
            try (TrainedNetwork first = NetworkTraining.fit(spec, hp, SONGS, Device.cpu(), e -> { });
                 TrainedNetwork second = NetworkTraining.fit(spec, hp, SONGS, Device.cpu(), e -> { })) {
                assertThat(second.encode(SONGS)).as(kind.id()).isDeepEqualTo(first.encode(SONGS));
                assertThat(second.history().get(2).loss()).as(kind.id()).isEqualTo(first.history().get(2).loss());
            }
        }
    }
}
