package dev.musicluster.training.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.musicluster.training.domain.data.FeatureScaler;
import dev.musicluster.training.domain.data.Normalisation;
import dev.musicluster.training.domain.data.TimePooling;
import dev.musicluster.training.domain.model.HyperParameters;
import dev.musicluster.training.domain.model.ModelKind;
import dev.musicluster.training.domain.model.ModelSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataAndSettingsTest {

    @Test
    void timePoolingAveragesPyTorchsAdaptiveWindows() {
        // torch.nn.functional.adaptive_avg_pool1d(torch.arange(10.).view(1, 1, 10), 4) = [1., 3., 6., 8.]: windows [0,3) [2,5) [5,8) [7,10)
        float[] pooled = TimePooling.pool(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 10, 4);
        assertThat(pooled).containsExactly(1f, 3f, 6f, 8f);
        // a shorter song is stretched: each frame repeated
        assertThat(TimePooling.pool(new float[] {1, 2, 10, 20}, 2, 2, 4)).containsExactly(1, 1, 2, 2, 10, 10, 20, 20);
    }

    @Test
    void scalingRunByRunGivesEachValueItsFeaturesScaleToTheBit() {
        // 3 features of 5 values a run, and a last run cut short: each value as (value - mean) / std of feature (i / 5) % 3.
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        float[] data = new float[3 * 5 * 4 + 7];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (random.nextGaussian() * 40 - 20);
        }
        FeatureScaler scaler = new FeatureScaler(new float[] {-20f, 3.5f, 0.25f}, new float[] {7f, 40f, 0.3f});
        float[] scaled = scaler.apply(data, 5);
        float[] inverted = scaler.invert(data, 5);
        for (int i = 0; i < data.length; i++) {
            int feature = (i / 5) % 3;
            float expected = Math.max(-6f, Math.min(6f, (data[i] - scaler.mean()[feature]) / scaler.std()[feature]));
            assertThat(scaled[i]).as("value %d", i).isEqualTo(expected);
            assertThat(inverted[i]).as("value %d", i).isEqualTo(data[i] * scaler.std()[feature] + scaler.mean()[feature]);
        }
        assertThat(scaled).as("the clip at 6 standard deviations is reached").contains(6f, -6f);
        assertThatThrownBy(() -> scaler.apply(data, 0)).hasMessageContaining("a stride of at least 1 value, not 0");
    }

    @Test
    void bandScalerStandardisesEachBandOverSongsAndFrames() {
        // 2 songs × 2 bands × 3 frames
        float[] data = {1, 2, 3, 100, 100, 100, 5, 6, 7, 100, 100, 100};
        FeatureScaler scaler = FeatureScaler.fitBands(data, 2, 3);
        assertThat(scaler.mean()).containsExactly(4f, 100f);
        assertThat(scaler.std()[0]).isCloseTo((float) Math.sqrt(14.0 / 3), within(1e-5f));
        assertThat(scaler.std()[1]).as("a constant band keeps scale 1").isEqualTo(1f);
        float[] scaled = scaler.apply(data, 3);
        assertThat(scaler.invert(scaled, 3)).containsExactly(data);
        assertThat(scaled[3]).isZero();
    }

    @Test
    void scaledValuesAreClippedSoThatOneOutlierOfAnAlmostConstantFeatureCannotDominate() {
        float[] column = new float[1000];
        column[0] = 3f; // one song of a thousand touches this language
        FeatureScaler scaler = FeatureScaler.fitColumns(column, 1, null);
        float[] scaled = scaler.apply(column, 1);
        assertThat(scaled[0]).as("31.6 standard deviations, clipped").isEqualTo(6f);
        assertThat(scaled[1]).isCloseTo(-0.0316f, within(1e-3f));
    }

    @Test
    void columnScalerLeavesMaskedRowsOut() {
        FeatureScaler scaler = FeatureScaler.fitColumns(new float[] {1, 10, 3, 30, 99, 99}, 2, new float[] {1, 1, 0});
        assertThat(scaler.mean()).containsExactly(2f, 20f);
    }

    @Test
    void blockScalerKeepsTheColumnsRelativeWeightsAndGivesTheBlockUnitVariancePerValue() {
        // Column 0 spreads three times as far as column 1 (a language block beside a content part); row 3 is masked.
        float[] rows = {13, -1, 7, 1, 13, -1, 7, 1, 500, 500};
        FeatureScaler scaler = FeatureScaler.fitBlock(rows, 2, new float[] {1, 1, 1, 1, 0});
        assertThat(scaler.mean()).containsExactly(10f, 0f);
        float[] scaled = scaler.apply(rows, 1);
        assertThat(scaled[0] / scaled[1]).as("the 3:1 spread survives").isCloseTo(-3f, within(1e-5f));
        assertThat(scaled[0] * scaled[0] + scaled[1] * scaled[1]).as("(9 + 1) / 5: unit variance per value on average")
                .isCloseTo(2f, within(1e-5f));
        assertThat(FeatureScaler.fitColumns(rows, 2, new float[] {1, 1, 1, 1, 0}).apply(rows, 1)[0])
                .as("per-column scaling would flatten the two columns to the same spread").isCloseTo(1f, within(1e-5f));
    }

    @Test
    void theHybridsNormalisationScalesTheLyricsAsOneBlockAndTheAudioPerColumn() {
        Normalisation normalisation = Normalisation.fit(SyntheticSongs.generate(48, 16, 3), false, true, false);
        float[] lyricsScale = normalisation.lyrics().std();
        for (float scale : lyricsScale) {
            assertThat(scale).isEqualTo(lyricsScale[0]);
        }
        assertThat(normalisation.summary().std()[0]).isNotEqualTo(normalisation.summary().std()[1]);
    }

    @Test
    void hyperParametersHaveDefaultsAndRefuseWhatTheyDoNotKnow() {
        HyperParameters hp = HyperParameters.of(Map.of("latent", "16", "beta-base", "vae"));
        assertThat(hp.latent()).isEqualTo(16);
        assertThat(hp.epochs()).isEqualTo(HyperParameters.DEFAULTS.epochs());
        assertThat(ModelSpec.of(ModelKind.BETA_VAE, hp).input()).isEqualTo(ModelSpec.of(ModelKind.VAE, hp).input());
        assertThat(HyperParameters.of(hp.toMap())).isEqualTo(hp);
        assertThatThrownBy(() -> HyperParameters.of(Map.of("dropout", "0.1"))).hasMessageContaining("unknown hyper-parameter 'dropout'");
        assertThatThrownBy(() -> HyperParameters.of(Map.of("epochs", "many"))).hasMessageContaining("not a number");
        assertThatThrownBy(() -> HyperParameters.of(Map.of("mel-frames", "100"))).hasMessageContaining("multiple of 16");
        assertThatThrownBy(() -> HyperParameters.of(Map.of("beta-base", "ae"))).hasMessageContaining("beta-base");
        assertThatThrownBy(() -> HyperParameters.of(Map.of("hybrid-audio", "waveform"))).hasMessageContaining("hybrid-audio");
        assertThatThrownBy(() -> HyperParameters.of(Map.of("lyrics-weight", "-1"))).hasMessageContaining("lyrics-weight");
        assertThatThrownBy(() -> HyperParameters.of(Map.of("song-frames", "64", "crop-frames", "128"))).hasMessageContaining("crop-frames");
        assertThatThrownBy(() -> HyperParameters.of(Map.of("temperature", "0"))).hasMessageContaining("temperature");
        assertThatThrownBy(() -> HyperParameters.of(Map.of("components", "0"))).hasMessageContaining("components");
    }

    @Test
    void vadesMixtureHasTheRunsKComponentsUnlessTheRequestSaysOtherwise() {
        assertThat(HyperParameters.forRun(Map.of(), "4").components()).isEqualTo(4);
        assertThat(HyperParameters.forRun(Map.of(), " 7 ").components()).isEqualTo(7);
        assertThat(HyperParameters.forRun(Map.of(), "auto").components()).isEqualTo(HyperParameters.DEFAULTS.components());
        assertThat(HyperParameters.forRun(Map.of(), null).components()).isEqualTo(HyperParameters.DEFAULTS.components());
        assertThat(HyperParameters.forRun(Map.of("components", "6"), "4").components()).isEqualTo(6);
        HyperParameters hp = HyperParameters.forRun(Map.of(), "4");
        assertThat(ModelSpec.of(ModelKind.VADE, hp).components()).isEqualTo(4);
        assertThat(ModelSpec.of(ModelKind.VADE, hp).mixturePrior()).isTrue();
        assertThat(ModelSpec.of(ModelKind.VAE, hp).mixturePrior()).as("only vade has a mixture prior").isFalse();
    }

    @Test
    void klWeightIsAnnealedOverTheWarmUpAndAbsentFromTheAutoencoder() {
        HyperParameters hp = HyperParameters.of(Map.of("kl-warmup", "4", "beta", "2"));
        ModelSpec beta = ModelSpec.of(ModelKind.BETA_VAE, hp);
        assertThat(beta.klWeight(0)).isEqualTo(0.5);
        assertThat(beta.klWeight(3)).isEqualTo(2.0);
        assertThat(beta.klWeight(10)).isEqualTo(2.0);
        assertThat(ModelSpec.of(ModelKind.VAE, hp).klWeight(1)).isEqualTo(0.5);
        assertThat(ModelSpec.of(ModelKind.AE, hp).klWeight(5)).isZero();
    }
}
