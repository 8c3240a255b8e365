package dev.musicluster.training.domain.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.musicluster.training.domain.model.HyperParameters;
import dev.musicluster.training.domain.model.ModelKind;
import dev.musicluster.training.domain.model.ModelSpec;
import dev.musicluster.training.domain.SyntheticSongs;
import dev.musicluster.training.domain.data.TrainingSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Encoding a song runs the encoders alone (the decoders cost as much again, and every song of the library is encoded
 * with each model trained on a sample): the latents must be those of the full inference pass, to the bit.
 */
class EncoderOnlyInferenceTest {

    @ParameterizedTest
    @EnumSource(value = ModelKind.class, names = {"MUSICNN"}, mode = EnumSource.Mode.EXCLUDE)
    void theEncoderAloneGivesTheFullPassLatents(ModelKind kind) {
        HyperParameters hp = HyperParameters.of(Map.of("latent", "8"));
        ModelSpec spec = ModelSpec.of(kind, hp);
        NetworkShape shape = new NetworkShape(spec, 24, 32, 32, spec.input().usesLyrics() ? 12 : 0, spec.conditional() ? 3 : 0);
        Devices.engine().setRandomSeed(3);
        try (NDManager manager = NDManager.newBaseManager(Devices.ENGINE)) {
            FamilyNetwork network = FamilyNetwork.of(shape);
            network.initialize(manager, DataType.FLOAT32, shape.inputShapes(2));
            NDList inputs = new NDList();
            for (Shape input : shape.inputShapes(20)) {
                inputs.add(manager.randomNormal(input));
            }
            if (spec.input().usesLyrics()) {
                inputs.set(2, manager.randomInteger(0, 2, new Shape(20, 1), DataType.INT32).toType(DataType.FLOAT32, false));
            }
            ParameterStore parameters = new ParameterStore(manager, false);
            NDList full = network.forward(parameters, inputs, false);
            NDArray latent = network.encode(parameters, inputs);
            NDArray fromFullPass = spec.contrastive() ? full.get(0) : full.get(VaeNetwork.meanAt(shape));
            assertThat(latent.getShape()).isEqualTo(new Shape(20, 8));
            assertThat(latent.toFloatArray()).containsExactly(fromFullPass.toFloatArray());
        }
    }

    /**
     * Passes of a few songs keep the tensors in reused memory (TrainedNetwork.INFERENCE_VALUES); each song's latent is
     * its own whatever passes it went through with, up to float rounding: the kernels choose their code by shape (a
     * probe at the product's shapes found 32 and 256 songs a pass equal to the bit, 7 and 70 not), so 1e-5 is asked.
     */
    @Test
    void eachSongKeepsItsLatentHoweverManySongsGoThroughAtOnce() {
        HyperParameters hp = HyperParameters.of(Map.of("epochs", "1", "latent", "8", "mel-frames", "128"));
        TrainingSet songs = SyntheticSongs.generate(70, 128, 5);
        try (TrainedNetwork network = NetworkTraining.fit(ModelSpec.of(ModelKind.CONV_VAE, hp), hp, songs, ai.djl.Device.cpu(), e -> { })) {
            float[][] together = network.encode(songs, 70);
            for (float[][] split : List.of(network.encode(songs, 7), network.encode(songs))) {
                for (int i = 0; i < songs.size(); i++) {
                    assertThat(split[i]).as("song %d", i).containsExactly(together[i], within(1e-5f));
                }
            }
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> network.encode(songs, 0)).hasMessageContaining("at least 1 song a pass");
        }
    }
}
