package dev.musicluster.feature.decode;

import dev.musicluster.feature.domain.audio.BadAudioException;
import dev.musicluster.feature.domain.audio.PcmAudio;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Decodes any container ffmpeg reads (WAV, AIFF, AU, MP3, OGG/Vorbis, FLAC, M4A/AAC...) and checks what came out:
 * nothing shorter than a second, nothing silent. Every format takes the same way, so one recording gives the same
 * samples, mono mix and resampler whatever file it came in.
 */
public final class AudioDecoders {

    /** −80 dBFS: below this a track carries no music to describe. */
    private static final float SILENCE = 1e-4f;
    private static final double MIN_SECONDS = 1.0;

    private final AudioDecoder ffmpeg;

    public AudioDecoders(String ffmpegCommand, String ffprobeCommand) {
        this.ffmpeg = new FfmpegDecoder(ffmpegCommand, ffprobeCommand);
    }

    public PcmAudio decode(Path file, DecodeSettings settings) throws IOException {
        if (Files.size(file) == 0) {
            throw new BadAudioException("empty audio file (0 bytes)");
        }
        PcmAudio audio = ffmpeg.decode(file, settings);
        if (audio.seconds() < MIN_SECONDS) {
            throw new BadAudioException(String.format("audio is %.2f s long; at least %.0f s is needed", audio.seconds(), MIN_SECONDS));
        }
        if (audio.peak() < SILENCE) {
            throw new BadAudioException("audio is silent (peak below -80 dBFS)");
        }
        return audio;
    }
}
