package dev.musicluster.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The feature service wrote a song's log-mel spectrogram and MFCCs to the store. Compacted by song id.
 *
 * @param songRevision the {@link SongIngested#revision()} the features were computed from (null in events written
 *                     before it was recorded)
 * @param summaryNames one name per entry of {@code summary}, documented in docs/features.md
 * @param summary      fixed-length per-song summary vector (MFCC statistics, spectral descriptors, tempo...)
 * @param musicnn      the song as the pretrained musicnn networks hear it; null in events written before it existed
 * @param durationSeconds the length of the audio the features read (the window, 60 s by default)
 * @param trackSeconds the whole track's length (the container's, else what was decoded); null in older events
 */
public record AudioFeaturesExtracted(
        int schemaVersion,
        String songId,
        String songRevision,
        String audioSha256,
        int sampleRate,
        int frames,
        double durationSeconds,
        String logMelKey,
        String mfccKey,
        List<String> summaryNames,
        float[] summary,
        String extractorVersion,
        Instant extractedAt,
        Musicnn musicnn,
        Double trackSeconds) implements Event {

    public static final int SCHEMA_VERSION = 1;

    /**
     * One list per distinct set of summary names (one per extractor version): every service that keeps a library's
     * events (training, clustering) would otherwise hold a hundred names for each of 100,000 songs, 0.5 GB of copies.
     */
    private static final Map<List<String>, List<String>> NAMES = new ConcurrentHashMap<>();

    public AudioFeaturesExtracted {
        if (summaryNames != null) {
            List<String> names = List.copyOf(summaryNames);
            summaryNames = NAMES.computeIfAbsent(names, n -> n);
        }
    }

    /** Features whose track length is not known. */
    public AudioFeaturesExtracted(int schemaVersion, String songId, String songRevision, String audioSha256, int sampleRate, int frames,
                                  double durationSeconds, String logMelKey, String mfccKey, List<String> summaryNames, float[] summary,
                                  String extractorVersion, Instant extractedAt, Musicnn musicnn) {
        this(schemaVersion, songId, songRevision, audioSha256, sampleRate, frames, durationSeconds, logMelKey, mfccKey, summaryNames,
                summary, extractorVersion, extractedAt, musicnn, null);
    }

    /** The track's length when known, else the length the features read. */
    public double songSeconds() {
        return trackSeconds != null && Double.isFinite(trackSeconds) ? trackSeconds : durationSeconds;
    }

    /**
     * The song's musicnn representation (docs/musicnn.md): means over its 3-s patches of both networks' outputs.
     *
     * @param embedding 400 values: the MSD network's embedding (200), then the MTT network's (200)
     * @param tags      100 tag probabilities named by {@link dev.musicluster.contracts.MusicnnTags#NAMES}
     * @param patches   how many patches the means are over
     * @param key       the object holding every patch's values (patches × 500: MSD and MTT embeddings, MSD and MTT tags)
     * @param version   the weights they come from
     */
    public record Musicnn(float[] embedding, float[] tags, int patches, String key, String version) {

        public static final int EMBEDDING = 400;
        public static final int NETWORK_EMBEDDING = 200;
        public static final int TAGS = 100;
    }

    @Override
    public String key() {
        return songId;
    }
}
