package dev.musicluster.gateway.ingest;

import dev.musicluster.contracts.SongId;
import dev.musicluster.contracts.events.SongIngested;
import dev.musicluster.contracts.events.TrackDetails;
import dev.musicluster.contracts.storage.ObjectKeys;
import dev.musicluster.gateway.domain.Song;
import dev.musicluster.gateway.domain.SongCatalog;
import dev.musicluster.gateway.messaging.SongEvents;
import dev.musicluster.kit.ObjectStore;
import dev.musicluster.library.AudioContainer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Takes one uploaded song into the pipeline: checks it, stores the audio, publishes {@code songs.ingested}. The
 * event is published only after the audio is stored, so no consumer ever sees a key that does not exist yet.
 */
@ApplicationScoped
public class SongIngestion {

    private final ObjectStore store;
    private final SongEvents events;
    private final SongCatalog catalog;
    private final int inlineLyricsBytes;

    public SongIngestion(ObjectStore store, SongEvents events, SongCatalog catalog,
                         @ConfigProperty(name = "musicluster.gateway.inline-lyrics-bytes", defaultValue = "65536") int inlineLyricsBytes) {
        this.store = store;
        this.events = events;
        this.catalog = catalog;
        this.inlineLyricsBytes = inlineLyricsBytes;
    }

    public IngestOutcome ingest(Path audio, SongMetadata metadata) throws IOException {
        if (audio == null) {
            throw new IngestRejected(400, "the upload has no 'audio' part");
        }
        SongMetadata meta = metadata == null ? new SongMetadata() : metadata;
        long size = Files.size(audio);
        if (size == 0) {
            throw new IngestRejected(400, "the audio file is empty (0 bytes)");
        }
        AudioContainer container = AudioContainer.sniff(head(audio)).orElseThrow(() -> new IngestRejected(415,
                "unsupported audio: the file is none of " + AudioContainer.supportedList()));
        byte[] sha256 = sha256(audio);
        String audioSha = HexFormat.of().formatHex(sha256);
        String id = meta.id == null || meta.id.isBlank() ? SongId.fromContent(sha256) : validId(meta.id.strip());

        SongIngested event = event(id, container.extension(), size, audioSha, meta);
        if (catalog.find(id).filter(song -> SongCatalog.sameRevision(song.ingested(), event)
                && (event.source() == null || event.source().equals(song.ingested().source()))).isPresent()) {
            return new IngestOutcome(id, false);
        }
        store.put(event.audioKey(), audio, container.mediaType());
        publish(event, meta);
        return new IngestOutcome(id, true);
    }

    /**
     * New metadata for a known song, its audio kept: a retagged or moved file. The song gets a new revision when the
     * metadata changed (and only its new place when only the place did); its audio is not analysed again, since the
     * feature service keys its work on the audio.
     */
    public IngestOutcome describe(String id, SongMetadata metadata) throws IOException {
        SongIngested current = catalog.find(SongId.require(id)).map(Song::ingested)
                .orElseThrow(() -> new IngestRejected(404, "no song with id " + id));
        SongMetadata meta = metadata == null ? new SongMetadata() : metadata;
        if (meta.id != null && !meta.id.isBlank() && !meta.id.strip().equals(id)) {
            throw new IngestRejected(400, "the metadata names song " + meta.id.strip() + ", the path " + id);
        }
        SongIngested event = event(id, current.audioFormat(), current.audioBytes(), current.audioSha256(), meta);
        if (SongCatalog.sameRevision(current, event) && Objects.equals(event.source(), current.source())) {
            return new IngestOutcome(id, false);
        }
        publish(event, meta);
        return new IngestOutcome(id, true);
    }

    /** The event of a song whose audio is stored under its format: lyrics inline unless too long, a revision over both. */
    private SongIngested event(String id, String format, long size, String audioSha, SongMetadata meta) {
        String lyrics = meta.lyrics == null || meta.lyrics.isBlank() ? null : meta.lyrics;
        boolean lyricsInline = lyrics == null || lyrics.getBytes(StandardCharsets.UTF_8).length <= inlineLyricsBytes;
        Map<String, String> labels = meta.allLabels();
        String source = validSource(meta.source);
        TrackDetails details = meta.details();
        // Where the file lies is not the music: the revision leaves it out, so that a moved file (or a song first sent
        // before sources were recorded) is not analysed again; the event still carries the new path.
        String revision = SongId.sha256Hex(String.join("\u0000", audioSha, String.valueOf(meta.title),
                String.valueOf(meta.artist), String.valueOf(lyrics), new TreeMap<>(labels).toString())
                + (details == null ? "" : "\u0000" + details));
        return new SongIngested(SongIngested.SCHEMA_VERSION, id, meta.title, meta.artist, ObjectKeys.rawAudio(id, format), format, size,
                audioSha, lyricsInline ? lyrics : null, lyricsInline ? null : ObjectKeys.rawLyrics(id), labels, revision, Instant.now(),
                source, details);
    }

    /** Long lyrics to the store first, then the event: no consumer sees a key that does not exist yet. */
    private void publish(SongIngested event, SongMetadata meta) throws IOException {
        if (event.lyricsKey() != null) {
            store.put(event.lyricsKey(), meta.lyrics.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
        }
        events.publish(event);
        catalog.ingested(event);
    }

    private static String validId(String id) {
        if (!SongId.isValid(id)) {
            throw new IngestRejected(400, "invalid song id '" + id + "': use 1 to 128 of A-Z a-z 0-9 . _ -");
        }
        return id;
    }

    /** A library path goes into playlist files line by line: no control characters, at most 1,024 characters. */
    private static String validSource(String source) {
        if (source == null || source.isBlank()) {
            return null;
        }
        if (source.length() > 1024 || source.codePoints().anyMatch(Character::isISOControl)) {
            throw new IngestRejected(400, "invalid source: a library path of at most 1024 characters without control characters");
        }
        return source.strip();
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(AudioContainer.SNIFF_BYTES);
        }
    }

    private static byte[] sha256(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return in.getMessageDigest().digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
