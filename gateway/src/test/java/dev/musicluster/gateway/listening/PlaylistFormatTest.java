package dev.musicluster.gateway.listening;

import static dev.musicluster.gateway.listening.ListeningFixtures.song;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class PlaylistFormatTest {

    private final Playlist playlist = new Playlist("pl-0001", "Piano, Classical · 2 songs", 0, List.of("piano", "classical"), List.of(
            song("s1", "Ravi & Co", 213.4, 1, 0),
            new SongPoint("s2", "Line\nbreak <b>", null, Double.NaN, null, new float[] {0, 1})));

    @Test
    void m3u8HasDurationsArtistTitleAndOneLocationPerSong() {
        String m3u8 = PlaylistFormat.M3U8.write(playlist, s -> "/music/" + s.id() + ".wav");
        assertThat(m3u8.lines().toList()).containsExactly("#EXTM3U", "#PLAYLIST:Piano, Classical · 2 songs",
                "#EXTINF:213,Ravi & Co - Title s1", "/music/s1.wav",
                "#EXTINF:-1,Line break <b>", "/music/s2.wav");
    }

    @Test
    void xspfIsValidXmlWithEscapedTextAndMilliseconds() throws Exception {
        String xspf = PlaylistFormat.XSPF.write(playlist, s -> "http://host/api/songs/" + s.id() + "/audio?x=1&y=2");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xspf.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("http://xspf.org/ns/0/");
        assertThat(doc.getElementsByTagName("track").getLength()).isEqualTo(2);
        assertThat(doc.getElementsByTagName("location").item(0).getTextContent()).isEqualTo("http://host/api/songs/s1/audio?x=1&y=2");
        assertThat(doc.getElementsByTagName("creator").item(0).getTextContent()).isEqualTo("Ravi & Co");
        assertThat(doc.getElementsByTagName("duration").item(0).getTextContent()).isEqualTo("213400");
        assertThat(doc.getElementsByTagName("title").item(2).getTextContent()).isEqualTo("Line break <b>");
    }

    @Test
    void xspfLocatesLocalFilesByUri() {
        assertThat(PlaylistFormat.XSPF.write(playlist, s -> "/music/My Band/" + s.id() + " ü.wav"))
                .contains("<location>file:///music/My%20Band/s1%20%C3%BC.wav</location>");
        assertThat(PlaylistFormat.XSPF.write(playlist, s -> "audio/" + s.id() + "#1.wav")).contains("<location>audio/s1%231.wav</location>");
    }

    @Test
    void aNameWithControlCharactersIsRefusedNotCleaned() {
        assertThat(PlaylistTitle.require("  Late night  ")).isEqualTo("Late night");
        assertThatThrownBy(() -> PlaylistTitle.require("a\nb")).hasMessageContaining("U+000A");
        assertThatThrownBy(() -> PlaylistTitle.require("a\u202Eb")).hasMessageContaining("U+202E");
        assertThatThrownBy(() -> PlaylistTitle.require(" ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> PlaylistTitle.require("x".repeat(201))).hasMessageContaining("200");
        assertThatThrownBy(() -> PlaylistFormat.of("pls")).hasMessageContaining("m3u8 or xspf");
    }
}
