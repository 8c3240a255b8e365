package dev.musicluster.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AudioContainerTest {

    @Test
    void recognisesEveryContainerByItsLeadingBytes() {
        assertThat(sniff("RIFF\0\0\0\0WAVEfmt ")).contains(AudioContainer.WAV);
        assertThat(sniff("FORM\0\0\0\0AIFFCOMM")).contains(AudioContainer.AIFF);
        assertThat(sniff(".snd\0\0\0\u0018")).contains(AudioContainer.AU);
        assertThat(sniff("ID3\u0004\0\0\0\0\0\0")).contains(AudioContainer.MP3);
        assertThat(AudioContainer.sniff(new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0})).contains(AudioContainer.MP3);
        assertThat(sniff("OggS\0\u0002")).contains(AudioContainer.OGG);
        assertThat(sniff("fLaC\0\0\0\"")).contains(AudioContainer.FLAC);
        assertThat(sniff("\0\0\0\u0020ftypM4A ")).contains(AudioContainer.M4A);
        // ADTS: MPEG-4 and MPEG-2 AAC, with and without CRC.
        assertThat(AudioContainer.sniff(new byte[] {(byte) 0xFF, (byte) 0xF1, 0x50, (byte) 0x80})).contains(AudioContainer.AAC);
        assertThat(AudioContainer.sniff(new byte[] {(byte) 0xFF, (byte) 0xF8, 0x50, (byte) 0x80})).contains(AudioContainer.AAC);
    }

    @Test
    void everyContainerHasAnExtensionThatManifestsAccept() {
        for (AudioContainer container : AudioContainer.values()) {
            assertThat(AudioContainer.EXTENSIONS).as(container.name()).contains(container.extension());
        }
    }

    @Test
    void refusesWhatIsNotAudio() {
        assertThat(sniff("%PDF-1.7")).isEmpty();
        assertThat(sniff("RIFF\0\0\0\0AVI LIST")).isEmpty();
        assertThat(sniff("PK\u0003\u0004")).isEmpty();
        assertThat(AudioContainer.sniff(new byte[0])).isEmpty();
        // MPEG sync bits with layer I are not MP3.
        assertThat(AudioContainer.sniff(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0})).isEmpty();
    }

    private static java.util.Optional<AudioContainer> sniff(String ascii) {
        return AudioContainer.sniff(ascii.getBytes(StandardCharsets.ISO_8859_1));
    }
}
