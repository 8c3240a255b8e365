package dev.musicluster.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Sequence;
import javax.sound.midi.Synthesizer;
import javax.sound.midi.Track;
import javax.sound.sampled.AudioFormat;
import javax.sound.midi.ShortMessage;

/**
 * Renders a MIDI sequence to PCM with the JDK's own synthesizer (Gervill), offline and faster than real time, with
 * no sound card. Gervill renders to a stream only through its {@code AudioSynthesizer} interface, which the JDK
 * does not export: the JVM needs {@code --add-opens java.desktop/com.sun.media.sound=ALL-UNNAMED}.
 */
public final class MidiRenderer {

    private final float sampleRate;

    public MidiRenderer(float sampleRate) {
        this.sampleRate = sampleRate;
    }

    public AudioFormat format() {
        return new AudioFormat(sampleRate, 16, 1, true, false);
    }

    /** 16-bit little-endian mono PCM of the first {@code seconds} of the sequence. */
    public byte[] render(Sequence sequence, double seconds) throws IOException {
        Synthesizer synthesizer;
        try {
            synthesizer = MidiSystem.getSynthesizer();
        } catch (MidiUnavailableException e) {
            throw new IOException("the JDK's MIDI synthesizer is unavailable", e);
        }
        try (InputStream stream = openStream(synthesizer)) {
            Receiver receiver = synthesizer.getReceiver();
            for (TimedMessage message : timeline(sequence)) {
                receiver.send(message.message(), message.micros());
            }
            long bytes = Math.round(seconds * sampleRate) * 2;
            ByteArrayOutputStream pcm = new ByteArrayOutputStream((int) bytes);
            byte[] buffer = new byte[8192];
            while (pcm.size() < bytes) {
                int read = stream.read(buffer, 0, (int) Math.min(buffer.length, bytes - pcm.size()));
                if (read < 0) {
                    break;
                }
                pcm.write(buffer, 0, read);
            }
            return pcm.toByteArray();
        } catch (MidiUnavailableException e) {
            throw new IOException("cannot drive the MIDI synthesizer", e);
        } finally {
            synthesizer.close();
        }
    }

    private InputStream openStream(Synthesizer synthesizer) throws IOException {
        try {
            Class<?> audioSynthesizer = Class.forName("com.sun.media.sound.AudioSynthesizer");
            Method open = audioSynthesizer.getMethod("openStream", AudioFormat.class, Map.class);
            open.setAccessible(true);
            // Fixed settings so the output does not depend on the machine: no jitter correction, sinc interpolation.
            Map<String, Object> info = Map.of("interpolation", "sinc", "jitter correction", false, "reverb", true);
            return (InputStream) open.invoke(synthesizer, format(), info);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IOException("cannot render MIDI offline (run the JVM with "
                    + "--add-opens java.desktop/com.sun.media.sound=ALL-UNNAMED): " + e, e);
        }
    }

    private record TimedMessage(MidiMessage message, long micros, long tick) {
    }

    /** Every event of every track, in time order, with its time in microseconds under the tempo changes. */
    static List<TimedMessage> timeline(Sequence sequence) {
        List<MidiEvent> events = new ArrayList<>();
        for (Track track : sequence.getTracks()) {
            for (int i = 0; i < track.size(); i++) {
                events.add(track.get(i));
            }
        }
        // Note-offs before note-ons at the same tick, so a repeated note is not cut by its predecessor's end.
        events.sort(Comparator.comparingLong(MidiEvent::getTick).thenComparing(e -> !isNoteOff(e.getMessage())));
        List<TimedMessage> timeline = new ArrayList<>(events.size());
        double microsPerTick = 500_000.0 / sequence.getResolution();
        long lastTick = 0;
        double micros = 0;
        for (MidiEvent event : events) {
            micros += (event.getTick() - lastTick) * microsPerTick;
            lastTick = event.getTick();
            if (event.getMessage() instanceof MetaMessage meta) {
                if (meta.getType() == 0x51) {
                    byte[] data = meta.getData();
                    int microsPerBeat = ((data[0] & 0xFF) << 16) | ((data[1] & 0xFF) << 8) | (data[2] & 0xFF);
                    microsPerTick = (double) microsPerBeat / sequence.getResolution();
                }
                continue;
            }
            timeline.add(new TimedMessage(event.getMessage(), Math.round(micros), event.getTick()));
        }
        return timeline;
    }

    private static boolean isNoteOff(MidiMessage message) {
        return message instanceof ShortMessage shortMessage
                && (shortMessage.getCommand() == ShortMessage.NOTE_OFF
                || (shortMessage.getCommand() == ShortMessage.NOTE_ON && shortMessage.getData2() == 0));
    }
}
