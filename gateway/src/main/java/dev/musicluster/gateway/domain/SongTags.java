package dev.musicluster.gateway.domain;

import dev.musicluster.contracts.MusicnnTags;
import java.util.List;

/**
 * Each song's most likely musicnn tags, read from its {@link SoundProfiles} profile: what the networks hear in it, for
 * people to read (a tag two networks share counts once, with its higher probability). Never a label, never clustered.
 */
public class SongTags {

    public static final int TOP = 3;

    private final SoundProfiles sounds;

    public SongTags(SoundProfiles sounds) {
        this.sounds = sounds;
    }

    /** The song's top tags, most likely first; empty when it has none (yet). */
    public List<String> of(String songId) {
        return sounds.of(songId).filter(profile -> profile.tags() != null).map(profile -> MusicnnTags.topNames(profile.tags(), TOP)).orElse(List.of());
    }

}
