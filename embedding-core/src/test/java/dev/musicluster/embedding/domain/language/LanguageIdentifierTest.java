package dev.musicluster.embedding.domain.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.musicluster.demo.PublicDomainLyrics;
import dev.musicluster.embedding.domain.text.LyricsText;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** On the demo corpus's public-domain verse, one script at a time and mixed. */
class LanguageIdentifierTest {

    static LanguageIdentifier identifier;

    @BeforeAll
    static void build() {
        identifier = new LanguageIdentifier(LanguageIdentifier.DEFAULT_LANGUAGES);
    }

    @Test
    void everyPassageOfEveryDemoLanguageIsIdentified() {
        for (String language : PublicDomainLyrics.LANGUAGES) {
            for (String passage : PublicDomainLyrics.passages(language)) {
                LanguageGuess guess = identifier.identify(LyricsText.of(passage, 10_000).text());
                assertThat(guess.language()).as(passage).isEqualTo(language);
                assertThat(guess.confidence()).as(passage).isGreaterThan(0.5);
            }
        }
    }

    @Test
    void mixedLyricsGetSharesAndTheMainLanguage() {
        String kpop = "우리는 꿈을 꾸는 소녀들 너와 나 꿈을 나눌 이 순간 달콤한 너를 향한 shining light hey baby";
        LanguageGuess guess = identifier.identify(LyricsText.of(kpop, 10_000).text());
        assertThat(guess.language()).isEqualTo("ko");
        assertThat(guess.shares()).containsOnlyKeys("ko", "en");
        assertThat(guess.shares().get("ko")).isGreaterThan(guess.shares().get("en"));
        assertThat(guess.shares().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void kanjiWithKanaIsJapaneseAndNumbersAloneAreUnknown() {
        assertThat(identifier.identify("古池や蛙飛び込む水の音").language()).isEqualTo("ja");
        assertThat(identifier.identify("1234 !!! ...").language()).isNull();
        assertThat(identifier.identify("").shares()).isEmpty();
    }

    @Test
    void refusesALanguageLinguaDoesNotKnow() {
        assertThatThrownBy(() -> new LanguageIdentifier(List.of("en", "xx"))).hasMessageContaining("xx");
    }
}
