package dev.musicluster.gateway.listening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicluster.contracts.MusicnnTags;
import org.junit.jupiter.api.Test;

class SoundWordsTest {

    private final SoundWords words = new SoundWords(MusicnnTags.NAMES);

    @Test
    void wordsAboutSoundBecomeTagsForgivingCaseHyphensAndTypos() {
        SoundWords.Reading reading = words.read("Mellow piano, FEMALE vocals and hip-hop, acoustc");
        assertThat(reading.tags()).containsOnlyKeys("mellow", "piano", "female vocal", "hip hop", "acoustic");
        assertThat(reading.tags().get("piano")).as("piano is an MTT tag").containsExactly(MusicnnTags.NAMES.indexOf("piano"));
        assertThat(reading.tags().get("female vocal")).as("the longest run of words that names a tag").hasSize(1);
        assertThat(reading.unknown()).isEmpty();
        assertThat(reading.joining()).containsExactly("and");
    }

    @Test
    void aTagBothNetworksNameReadsBothAndUnknownWordsAreReported() {
        SoundWords.Reading reading = words.read("rock with kazoo, rap");
        assertThat(reading.tags().get("rock")).hasSize(2);
        assertThat(reading.unknown()).as("short words are not stretched to a tag: rap is not harp").containsExactly("kazoo", "rap");
        assertThat(words.read("zzzz qqqq").tags()).isEmpty();
    }
}
