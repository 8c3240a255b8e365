package dev.musicluster.demo;

/**
 * The musical styles of the demo corpus. They differ where audio features can tell them apart: tempo, instruments
 * (General MIDI programs), rhythm and register.
 */
public enum Style {
    /** Slow piano arpeggios under a string melody, no drums. */
    BALLAD(66, 78, 48, false),
    /** Four-on-the-floor drums, saw lead and synth bass, fast. */
    ELECTRONIC(124, 132, 57, true),
    /** Power chords on overdriven guitar, picked bass, backbeat drums. */
    ROCK(112, 140, 40, true),
    /** Finger-picked nylon guitar under a high flute, no drums. */
    FOLK(88, 104, 60, false),
    /** Swung ride cymbal, walking bass, seventh chords and vibraphone. */
    JAZZ(138, 168, 50, true);

    private final int minTempo;
    private final int maxTempo;
    private final int lowestRoot;
    private final boolean drums;

    Style(int minTempo, int maxTempo, int lowestRoot, boolean drums) {
        this.minTempo = minTempo;
        this.maxTempo = maxTempo;
        this.lowestRoot = lowestRoot;
        this.drums = drums;
    }

    public int minTempo() {
        return minTempo;
    }

    public int maxTempo() {
        return maxTempo;
    }

    /** MIDI note of the lowest key root; a song's root is this plus up to 11 semitones. */
    public int lowestRoot() {
        return lowestRoot;
    }

    public boolean hasDrums() {
        return drums;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
