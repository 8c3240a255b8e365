package dev.musicluster.contracts.events;

import java.time.Instant;
import java.util.List;

/**
 * The feature service wrote a song's log-mel spectrogram and MFCCs to the store. Compacted by song id.
 *
 * @param songRevision the {@link SongIngested#revision()} the features were computed from (null in events written
 *                     before it was recorded)
 * @param summaryNames one name per entry of {@code summary}, documented in docs/features.md
 * @param summary      fixed-length per-song summary vector (MFCC statistics, spectral descriptors, tempo...)
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
        Instant extractedAt) implements Event {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String key() {
        return songId;
    }
}
