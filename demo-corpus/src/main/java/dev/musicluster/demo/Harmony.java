package dev.musicluster.demo;

/** Scales and diatonic chords, as semitone offsets from a key's root. */
final class Harmony {

    static final int[] MAJOR = {0, 2, 4, 5, 7, 9, 11};
    static final int[] MINOR = {0, 2, 3, 5, 7, 8, 10};

    private Harmony() {
    }

    /** The note of a scale degree (0-based, may exceed 6 or be negative) above the root. */
    static int degree(int root, int[] scale, int degree) {
        int octave = Math.floorDiv(degree, scale.length);
        return root + 12 * octave + scale[Math.floorMod(degree, scale.length)];
    }

    /** Stacked thirds on a degree: a triad, or a seventh chord with {@code notes} = 4. */
    static int[] chord(int root, int[] scale, int degree, int notes) {
        int[] chord = new int[notes];
        for (int i = 0; i < notes; i++) {
            chord[i] = degree(root, scale, degree + 2 * i);
        }
        return chord;
    }
}
