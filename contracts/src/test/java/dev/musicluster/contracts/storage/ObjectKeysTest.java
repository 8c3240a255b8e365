package dev.musicluster.contracts.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ObjectKeysTest {

    @Test
    void keysFollowTheDocumentedScheme() {
        assertThat(ObjectKeys.rawAudio("s1", "mp3")).isEqualTo("raw/s1/audio.mp3");
        assertThat(ObjectKeys.logMel("s1")).isEqualTo("features/s1/logmel.npy");
        assertThat(ObjectKeys.mfcc("s1")).isEqualTo("features/s1/mfcc.npy");
        assertThat(ObjectKeys.model("run-7", "conv-vae.pt")).isEqualTo("models/run-7/conv-vae.pt");
        assertThat(ObjectKeys.latents("run-7", "vae.npy")).isEqualTo("latents/run-7/vae.npy");
        assertThat(ObjectKeys.model("run-7", "conv-vae", "parameters.djl")).isEqualTo("models/run-7/conv-vae/parameters.djl");
        assertThat(ObjectKeys.results("run-7", "assignments.csv")).isEqualTo("results/run-7/assignments.csv");
    }

    @Test
    void pathTraversalCannotEscapeItsPrefix() {
        assertThatThrownBy(() -> ObjectKeys.rawAudio("../etc", "wav")).hasMessageContaining("invalid id");
        assertThatThrownBy(() -> ObjectKeys.logMel("..")).hasMessageContaining("invalid id");
        assertThatThrownBy(() -> ObjectKeys.model("run", "../../x")).hasMessageContaining("invalid id");
        assertThatThrownBy(() -> ObjectKeys.logMel("a/b")).hasMessageContaining("invalid id");
    }
}
