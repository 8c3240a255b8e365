package dev.musicluster.demo;

import java.util.Random;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.Sequence;

/**
 * Composes a song of one {@link Style} as a MIDI sequence. Everything random comes from the seed, so the same
 * style, seed and length give the same notes.
 */
public final class SongComposer {

    static final int TICKS_PER_BEAT = 480;
    private static final int DRUM_CHANNEL = 9;
    private static final int KICK = 36;
    private static final int SNARE = 38;
    private static final int CLAP = 39;
    private static final int CLOSED_HAT = 42;
    private static final int OPEN_HAT = 46;
    private static final int CRASH = 49;
    private static final int RIDE = 51;

    /** Chord progressions as scale degrees, one chord per bar. */
    private static final int[][] PROGRESSIONS = {{0, 5, 3, 4}, {0, 3, 4, 3}, {5, 3, 0, 4}, {0, 4, 5, 3}, {1, 4, 0, 0}};

    private SongComposer() {
    }

    /** A sequence lasting at least {@code seconds}, rounded up to whole bars of 4/4. */
    public static Sequence compose(Style style, long seed, double seconds) {
        Random random = new Random(seed * 0x9E3779B97F4A7C15L + style.ordinal());
        int tempo = style.minTempo() + random.nextInt(style.maxTempo() - style.minTempo() + 1);
        int root = style.lowestRoot() + random.nextInt(12);
        int[] scale = switch (style) {
            case ELECTRONIC, ROCK -> random.nextBoolean() ? Harmony.MINOR : Harmony.MAJOR;
            case BALLAD -> random.nextInt(3) == 0 ? Harmony.MAJOR : Harmony.MINOR;
            case FOLK, JAZZ -> Harmony.MAJOR;
        };
        int[] progression = PROGRESSIONS[random.nextInt(PROGRESSIONS.length)];
        int bars = (int) Math.ceil(seconds * tempo / 60.0 / 4.0);

        try {
            Sequence sequence = new Sequence(Sequence.PPQ, TICKS_PER_BEAT);
            javax.sound.midi.Track conductor = sequence.createTrack();
            int microsPerBeat = 60_000_000 / tempo;
            conductor.add(new MidiEvent(new MetaMessage(0x51,
                    new byte[] {(byte) (microsPerBeat >> 16), (byte) (microsPerBeat >> 8), (byte) microsPerBeat}, 3), 0));
            Parts parts = new Parts(sequence, style);
            for (int bar = 0; bar < bars; bar++) {
                long start = (long) bar * 4 * TICKS_PER_BEAT;
                int degree = progression[bar % progression.length];
                parts.bar(style, random, root, scale, degree, bar, start);
            }
            return sequence;
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException("composing produced invalid MIDI", e);
        }
    }

    /** The instruments of a style and what each plays in a bar. */
    private static final class Parts {
        private final Track harmony;
        private final Track bass;
        private final Track melody;
        private final Track drums;
        private int melodyDegree = 7;

        Parts(Sequence sequence, Style style) {
            int[] programs = switch (style) {
                case BALLAD -> new int[] {0, 42, 48};     // piano, cello, strings
                case ELECTRONIC -> new int[] {89, 38, 81}; // warm pad, synth bass, saw lead
                case ROCK -> new int[] {29, 34, 30};      // overdriven guitar, picked bass, distortion guitar
                case FOLK -> new int[] {24, 32, 73};      // nylon guitar, acoustic bass, flute
                case JAZZ -> new int[] {0, 32, 11};       // piano, acoustic bass, vibraphone
            };
            harmony = new Track(sequence.createTrack(), 0, programs[0]);
            bass = new Track(sequence.createTrack(), 1, programs[1]);
            melody = new Track(sequence.createTrack(), 2, programs[2]);
            drums = style.hasDrums() ? new Track(sequence.createTrack(), DRUM_CHANNEL, -1) : null;
        }

        void bar(Style style, Random random, int root, int[] scale, int degree, int bar, long start) {
            int beat = TICKS_PER_BEAT;
            switch (style) {
                case BALLAD -> {
                    int[] chord = Harmony.chord(root, scale, degree, 3);
                    for (int i = 0; i < 8; i++) {
                        harmony.note(chord[i % 3] + (i >= 3 ? 12 : 0), 58, start + i * beat / 2, beat);
                    }
                    bass.note(Harmony.degree(root - 12, scale, degree), 60, start, 4 * beat);
                    melodyLine(random, root + 12, scale, start, new int[] {2 * beat, beat, beat}, 64);
                }
                case ELECTRONIC -> {
                    harmony.chord(Harmony.chord(root + 12, scale, degree, 3), 45, start, 4 * beat);
                    for (int i = 0; i < 8; i++) {
                        bass.note(Harmony.degree(root - 12, scale, degree) + (i % 2 == 1 ? 12 : 0), 96, start + i * beat / 2, beat / 3);
                    }
                    melodyLine(random, root + 24, scale, start, new int[] {beat / 2, beat / 2, beat / 4, beat / 4, beat / 2}, 88);
                    for (int i = 0; i < 4; i++) {
                        drums.note(KICK, 118, start + i * beat, beat / 4);
                        drums.note(i % 2 == 1 ? CLAP : CLOSED_HAT, 96, start + i * beat + (i % 2 == 1 ? 0 : beat / 2), beat / 4);
                        drums.note(OPEN_HAT, 70, start + i * beat + beat / 2, beat / 4);
                    }
                }
                case ROCK -> {
                    int chordRoot = Harmony.degree(root, scale, degree);
                    for (int i = 0; i < 8; i++) {
                        harmony.chord(new int[] {chordRoot, chordRoot + 7, chordRoot + 12}, 104, start + i * beat / 2, beat / 2 - 20);
                        bass.note(chordRoot - 24, 100, start + i * beat / 2, beat / 2 - 20);
                    }
                    melodyLine(random, root + 12, scale, start, new int[] {beat, beat / 2, beat / 2, beat}, 96);
                    for (int i = 0; i < 4; i++) {
                        drums.note(i % 2 == 0 ? KICK : SNARE, 120, start + i * beat, beat / 4);
                        drums.note(CLOSED_HAT, 80, start + i * beat, beat / 4);
                        drums.note(CLOSED_HAT, 70, start + i * beat + beat / 2, beat / 4);
                    }
                    if (bar % 4 == 0) {
                        drums.note(CRASH, 110, start, beat);
                    }
                }
                case FOLK -> {
                    int[] chord = Harmony.chord(root - 12, scale, degree, 3);
                    int[] pattern = {0, 2, 1, 2, 0, 2, 1, 2, 0, 2, 1, 2};
                    for (int i = 0; i < 12; i++) {
                        harmony.note(chord[pattern[i]] + (i % 3 == 1 ? 12 : 0), 66, start + i * beat / 3, beat / 2);
                    }
                    bass.note(chord[0] - 12, 62, start, 2 * beat);
                    bass.note(chord[2] - 12, 58, start + 2 * beat, 2 * beat);
                    melodyLine(random, root + 24, scale, start, new int[] {beat, beat / 2, beat / 2, 2 * beat}, 74);
                }
                case JAZZ -> {
                    int[] chord = Harmony.chord(root, scale, degree, 4);
                    harmony.chord(chord, 60, start + beat + beat * 2 / 3, beat / 2);
                    harmony.chord(chord, 56, start + 3 * beat, beat / 2);
                    for (int i = 0; i < 4; i++) {
                        int walk = Harmony.degree(root - 24, scale, degree + (i == 3 ? 4 : 2 * i % 7));
                        bass.note(walk, 84, start + i * beat, beat - 30);
                        drums.note(RIDE, 78, start + i * beat, beat / 3);
                        if (i % 2 == 1) {
                            drums.note(RIDE, 62, start + i * beat + beat * 2 / 3, beat / 3);
                            drums.note(CLOSED_HAT + 2, 70, start + i * beat, beat / 4);
                        }
                    }
                    int swingLong = beat * 2 / 3;
                    melodyLine(random, root + 12, scale, start, new int[] {swingLong, beat - swingLong, swingLong, beat - swingLong, beat, beat}, 80);
                }
            }
        }

        /** A stepwise random walk over the scale, with the style's rhythm, kept within about two octaves. */
        private void melodyLine(Random random, int root, int[] scale, long start, int[] rhythm, int velocity) {
            long at = start;
            for (int length : rhythm) {
                int step = random.nextInt(5) - 2;
                melodyDegree = Math.max(0, Math.min(13, melodyDegree + (step == 0 ? 1 : step)));
                if (random.nextInt(8) > 0) {
                    melody.note(Harmony.degree(root, scale, melodyDegree), velocity - random.nextInt(12), at, length - 10);
                }
                at += length;
            }
        }
    }
}
