package dev.musicluster.embedding.domain.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LyricsTextTest {

    @Test
    void normalisesCompatibilityFormsControlCharactersAndCase() {
        LyricsText text = LyricsText.of("ＨＥＬＬＯ\u0000 Wörld\r\n\t\u200Bﾊﾟ  ㄱ", 1000);
        // Full-width Latin folds to ASCII, half-width katakana to full-width, compatibility jamo to jamo.
        assertThat(text.text()).isEqualTo("hello wörld パ ᄀ");
        assertThat(text.truncated()).isFalse();
    }

    @Test
    void keepsIndicVowelSignsInsideWords() {
        LyricsText text = LyricsText.of("আমার সোনার বাংলা", 1000);
        assertThat(text.text()).isEqualTo("আমার সোনার বাংলা");
        assertThat(text.tokenCount()).isEqualTo(3);
    }

    @Test
    void countsJapaneseCharactersAsTokens() {
        assertThat(LyricsText.of("古池や 蛙", 100).tokenCount()).isEqualTo(4);
        assertThat(LyricsText.of("Twinkle, twinkle, little star", 100).tokenCount()).isEqualTo(4);
    }

    @Test
    void truncatesByCodePointsAndSaysSo() {
        LyricsText text = LyricsText.of("😀".repeat(10), 4);
        assertThat(text.text()).isEqualTo("😀".repeat(4));
        assertThat(text.truncated()).isTrue();
        assertThat(text.originalLength()).isEqualTo(10);
        assertThat(LyricsText.of("   \n\t ", 10).isEmpty()).isTrue();
    }
}
