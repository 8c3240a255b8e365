package dev.musicluster.feature.decode;

import dev.musicluster.feature.domain.audio.PcmAudio;
import java.io.IOException;
import java.nio.file.Path;

/** Turns an audio file into mono PCM at the target rate, streaming: memory is bounded by the window taken. */
public interface AudioDecoder {

    /**
     * @throws dev.musicluster.feature.domain.audio.BadAudioException when the file is not decodable audio
     * @throws IOException when reading failed for reasons that a retry may fix
     */
    PcmAudio decode(Path file, DecodeSettings settings) throws IOException;
}
