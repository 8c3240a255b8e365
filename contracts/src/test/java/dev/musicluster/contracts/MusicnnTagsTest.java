package dev.musicluster.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MusicnnTagsTest {

    @Test
    void aSongsTopTagsCountATagBothNetworksHaveOnceWithItsHigherProbability() {
        double[] probabilities = new double[MusicnnTags.NAMES.size()];
        probabilities[MusicnnTags.MSD.indexOf("rock")] = 0.6;
        probabilities[MusicnnTags.MSD.indexOf("jazz")] = 0.7;
        probabilities[MusicnnTags.MSD.size() + MusicnnTags.MTT.indexOf("rock")] = 0.8;
        probabilities[MusicnnTags.MSD.size() + MusicnnTags.MTT.indexOf("piano")] = 0.7;

        assertThat(MusicnnTags.top(probabilities, 3)).containsExactly(
                new MusicnnTags.Tag("rock", 0.8), new MusicnnTags.Tag("jazz", 0.7), new MusicnnTags.Tag("piano", 0.7));
        float[] floats = new float[probabilities.length];
        for (int t = 0; t < floats.length; t++) {
            floats[t] = (float) probabilities[t];
        }
        assertThat(MusicnnTags.topNames(floats, 2)).containsExactly("rock", "jazz");
    }
}
