package dev.musicluster.gateway.listening;

import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.function.Function;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The two playlist files players read: M3U8 (extended M3U in UTF-8, with {@code #EXTINF} duration and "artist -
 * title") and XSPF (XML, with title, creator and duration in milliseconds). Where each song is comes from
 * {@code location}: the gateway's audio URL, or a local library's path.
 */
public enum PlaylistFormat {

    M3U8("m3u8", "audio/x-mpegurl; charset=utf-8") {
        @Override
        public String write(Playlist playlist, Function<SongPoint, String> location) {
            StringBuilder out = new StringBuilder("#EXTM3U\n#PLAYLIST:").append(PlaylistTitle.oneLine(playlist.name())).append('\n');
            for (SongPoint song : playlist.songs()) {
                long seconds = Double.isFinite(song.seconds()) ? Math.round(song.seconds()) : -1;
                out.append("#EXTINF:").append(seconds).append(',').append(PlaylistTitle.oneLine(song.displayName())).append('\n')
                        .append(PlaylistTitle.oneLine(location.apply(song))).append('\n');
            }
            return out.toString();
        }
    },

    XSPF("xspf", "application/xspf+xml; charset=utf-8") {
        @Override
        public String write(Playlist playlist, Function<SongPoint, String> location) {
            StringWriter text = new StringWriter();
            try {
                XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
                xml.writeStartDocument("UTF-8", "1.0");
                xml.writeCharacters("\n");
                xml.writeStartElement("playlist");
                xml.writeDefaultNamespace("http://xspf.org/ns/0/");
                xml.writeAttribute("version", "1");
                element(xml, "title", playlist.name());
                xml.writeStartElement("trackList");
                for (SongPoint song : playlist.songs()) {
                    xml.writeStartElement("track");
                    element(xml, "location", uri(location.apply(song)));
                    element(xml, "identifier", "musicluster:song:" + song.id());
                    if (song.title() != null && !song.title().isBlank()) {
                        element(xml, "title", song.title());
                    }
                    if (song.artist() != null && !song.artist().isBlank()) {
                        element(xml, "creator", song.artist());
                    }
                    if (Double.isFinite(song.seconds())) {
                        element(xml, "duration", String.valueOf(Math.round(song.seconds() * 1000)));
                    }
                    xml.writeEndElement();
                }
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeEndDocument();
                xml.close();
            } catch (XMLStreamException e) {
                throw new IllegalStateException("could not write XSPF", e);
            }
            return text.append('\n').toString();
        }

        /** XSPF locations are URIs: a local path becomes a file URI (absolute) or a percent-encoded relative reference. */
        private static String uri(String location) {
            if (location.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*")) {
                return location;
            }
            try {
                return location.startsWith("/") ? new URI("file", "", location, null, null).toASCIIString()
                        : new URI(null, null, location, null).toASCIIString();
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("not a path: " + location, e);
            }
        }

        private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
            xml.writeStartElement(name);
            xml.writeCharacters(PlaylistTitle.oneLine(value));
            xml.writeEndElement();
        }
    };

    private final String extension;
    private final String mediaType;

    PlaylistFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public abstract String write(Playlist playlist, Function<SongPoint, String> location);

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public static PlaylistFormat of(String name) {
        for (PlaylistFormat format : values()) {
            if (format.extension.equals(name == null ? "" : name.toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new IllegalArgumentException("a playlist format is m3u8 or xspf, not " + name);
    }
}
