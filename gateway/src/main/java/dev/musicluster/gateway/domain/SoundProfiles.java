package dev.musicluster.gateway.domain;

import dev.musicluster.contracts.events.AudioFeaturesExtracted;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the feature service heard in each song, for listening: its duration, and its musicnn embedding and tag
 * probabilities when it has them (about 2 KB a song). Search by words about sound and duplicate finding read it.
 */
public class SoundProfiles {

    /**
     * @param seconds       the whole track's length
     * @param windowSeconds the length of the window the features read (its centre 60 s by default)
     * @param frames        the log-mel spectrogram's frames over that window, stored under {@code logMelKey}
     * @param embedding     musicnn's 400 values, or null
     * @param tags          its 100 tag probabilities, or null
     */
    public record Profile(String songId, double seconds, double windowSeconds, int frames, String logMelKey, float[] embedding,
                          float[] tags) {

        public boolean hasMusicnn() {
            return embedding != null && tags != null;
        }
    }

    private final Map<String, Profile> bySong = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();

    /** Changes whenever a song's profile does. */
    public long version() {
        return version.get();
    }

    public void put(AudioFeaturesExtracted features) {
        AudioFeaturesExtracted.Musicnn musicnn = features.musicnn();
        bySong.put(features.songId(), new Profile(features.songId(), features.songSeconds(), features.durationSeconds(),
                features.frames(), features.logMelKey(), musicnn == null ? null : musicnn.embedding(), musicnn == null ? null : musicnn.tags()));
        version.incrementAndGet();
    }

    public void remove(String songId) {
        if (bySong.remove(songId) != null) {
            version.incrementAndGet();
        }
    }

    public Optional<Profile> of(String songId) {
        return Optional.ofNullable(bySong.get(songId));
    }

    public List<Profile> all() {
        return List.copyOf(bySong.values());
    }
}
