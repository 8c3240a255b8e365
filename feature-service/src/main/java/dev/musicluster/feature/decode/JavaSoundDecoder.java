package dev.musicluster.feature.decode;

import dev.musicluster.feature.domain.audio.BadAudioException;
import dev.musicluster.feature.domain.audio.MonoResamplingSink;
import dev.musicluster.feature.domain.audio.PcmAudio;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** WAV, AIFF and AU with the JDK's own decoders (PCM of 8 to 32 bits, float, µ-law and A-law). */
public final class JavaSoundDecoder implements AudioDecoder {

    private static final int CHUNK_FRAMES = 8192;

    @Override
    public PcmAudio decode(Path file, DecodeSettings settings) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
             AudioInputStream source = open(raw);
             AudioInputStream pcm = toLinearPcm(source)) {
            AudioFormat format = pcm.getFormat();
            int channels = format.getChannels();
            int rate = Math.round(format.getSampleRate());
            double seconds = source.getFrameLength() == AudioSystem.NOT_SPECIFIED ? Double.NaN
                    : source.getFrameLength() / (double) format.getFrameRate();
            MonoResamplingSink sink = settings.sink(channels, rate, seconds);
            int bytesPerSample = format.getSampleSizeInBits() / 8;
            byte[] bytes = new byte[CHUNK_FRAMES * format.getFrameSize()];
            float[] samples = new float[CHUNK_FRAMES * channels];
            while (!sink.full()) {
                int read = pcm.readNBytes(bytes, 0, bytes.length);
                int frames = read / format.getFrameSize();
                if (frames == 0) {
                    break;
                }
                toFloat(bytes, frames * channels, bytesPerSample, format, samples);
                sink.accept(samples, frames);
            }
            settings.checkNotOverLimit(sink);
            return sink.finish(seconds);
        }
    }

    private static AudioInputStream open(InputStream raw) throws IOException {
        try {
            return AudioSystem.getAudioInputStream(raw);
        } catch (UnsupportedAudioFileException e) {
            throw new BadAudioException("cannot decode audio: unreadable or truncated header (" + e.getMessage() + ")", e);
        }
    }

    /** µ-law, A-law and anything else the JDK converts become 16-bit signed PCM; PCM and float pass through. */
    private static AudioInputStream toLinearPcm(AudioInputStream source) {
        AudioFormat format = source.getFormat();
        AudioFormat.Encoding encoding = format.getEncoding();
        if (encoding.equals(AudioFormat.Encoding.PCM_SIGNED) || encoding.equals(AudioFormat.Encoding.PCM_UNSIGNED)
                || encoding.equals(AudioFormat.Encoding.PCM_FLOAT)) {
            return source;
        }
        AudioFormat target = new AudioFormat(format.getSampleRate(), 16, format.getChannels(), true, false);
        if (!AudioSystem.isConversionSupported(target, format)) {
            throw new BadAudioException("unsupported codec: " + encoding + " in a " + format.getChannels() + "-channel stream");
        }
        return AudioSystem.getAudioInputStream(target, source);
    }

    static void toFloat(byte[] bytes, int count, int width, AudioFormat format, float[] out) {
        boolean bigEndian = format.isBigEndian();
        AudioFormat.Encoding encoding = format.getEncoding();
        for (int i = 0; i < count; i++) {
            int offset = i * width;
            if (encoding.equals(AudioFormat.Encoding.PCM_FLOAT)) {
                int bits = assemble(bytes, offset, 4, bigEndian);
                out[i] = Float.intBitsToFloat(bits);
            } else if (width == 1) {
                int value = bytes[offset];
                out[i] = encoding.equals(AudioFormat.Encoding.PCM_UNSIGNED) ? ((value & 0xFF) - 128) / 128f : value / 128f;
            } else {
                int value = assemble(bytes, offset, width, bigEndian);
                int shift = 32 - 8 * width;
                value = (value << shift) >> shift;
                out[i] = (float) (value / Math.pow(2, 8 * width - 1));
            }
        }
    }

    private static int assemble(byte[] bytes, int offset, int width, boolean bigEndian) {
        int value = 0;
        for (int b = 0; b < width; b++) {
            int index = bigEndian ? offset + b : offset + width - 1 - b;
            value = (value << 8) | (bytes[index] & 0xFF);
        }
        return value;
    }
}
