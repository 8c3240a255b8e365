package dev.musicluster.demo;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.ShortMessage;

/** One MIDI channel of a song being composed: program, notes with start and length in ticks. */
final class Track {

    private final javax.sound.midi.Track track;
    private final int channel;

    Track(javax.sound.midi.Track track, int channel, int program) {
        this.track = track;
        this.channel = channel;
        if (program >= 0) {
            add(ShortMessage.PROGRAM_CHANGE, program, 0, 0);
        }
    }

    void note(int key, int velocity, long start, long length) {
        if (key < 0 || key > 127) {
            return;
        }
        add(ShortMessage.NOTE_ON, key, Math.max(1, Math.min(127, velocity)), start);
        add(ShortMessage.NOTE_OFF, key, 0, start + Math.max(1, length));
    }

    void chord(int[] keys, int velocity, long start, long length) {
        for (int key : keys) {
            note(key, velocity, start, length);
        }
    }

    private void add(int command, int data1, int data2, long tick) {
        try {
            track.add(new MidiEvent(new ShortMessage(command, channel, data1, data2), tick));
        } catch (InvalidMidiDataException e) {
            throw new IllegalArgumentException("invalid MIDI message " + command + " " + data1 + " " + data2, e);
        }
    }
}
