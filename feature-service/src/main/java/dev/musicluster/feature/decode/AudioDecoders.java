package dev.musicluster.feature.decode;

import dev.musicluster.feature.domain.audio.BadAudioException;
import dev.musicluster.feature.domain.audio.PcmAudio;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Picks the decoder for a container and checks what came out: nothing shorter than a second, nothing silent.
 * WAV, AIFF and AU decode natively; every other container goes through ffmpeg.
 */
public final class AudioDecoders {

    private static final Set<String> NATIVE = Set.of("wav", "aiff", "aif", "au", "snd");
    private PcmAudio decodeWithFfmpeg(Path file, DecodeSettings settings, BadAudioException jdkReason) throws IOException {
        try {
            return ffmpeg.decode(file, settings);
        } catch (BadAudioException ffmpegReason) {
            // Limits are the same for both decoders; for anything else the JDK's reason names the container's fault.
            throw ffmpegReason.getMessage().startsWith("unsupported codec") || ffmpegReason.getMessage().contains("limit")
                    ? ffmpegReason : jdkReason;
        }
    }

    /** −80 dBFS: below this a track carries no music to describe. */
    private static final float SILENCE = 1e-4f;
    private static final double MIN_SECONDS = 1.0;

    private final AudioDecoder javaSound = new JavaSoundDecoder();
    private final AudioDecoder ffmpeg;

    public AudioDecoders(String ffmpegCommand, String ffprobeCommand) {
        this.ffmpeg = new FfmpegDecoder(ffmpegCommand, ffprobeCommand);
    }

    public PcmAudio decode(Path file, String container, DecodeSettings settings) throws IOException {
        if (Files.size(file) == 0) {
            throw new BadAudioException("empty audio file (0 bytes)");
        }
        PcmAudio audio;
        if (NATIVE.contains(container)) {
            try {
                audio = javaSound.decode(file, settings);
            } catch (BadAudioException notForTheJdk) {
                // A WAV or AIFF may hold a codec the JDK lacks (ADPCM, GSM...): ffmpeg has the last word.
                audio = decodeWithFfmpeg(file, settings, notForTheJdk);
            }
        } else {
            audio = ffmpeg.decode(file, settings);
        }
        if (audio.seconds() < MIN_SECONDS) {
            throw new BadAudioException(String.format("audio is %.2f s long; at least %.0f s is needed", audio.seconds(), MIN_SECONDS));
        }
        if (audio.peak() < SILENCE) {
            throw new BadAudioException("audio is silent (peak below -80 dBFS)");
        }
        return audio;
    }
}
