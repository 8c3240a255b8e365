package dev.musicluster.feature.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.musicluster.feature.domain.audio.BadAudioException;
import dev.musicluster.feature.domain.audio.MonoResamplingSink;
import dev.musicluster.feature.domain.audio.PcmAudio;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * MP3, OGG/Vorbis, FLAC, M4A/AAC (and anything else ffmpeg reads) through an ffmpeg child process. ffprobe names
 * the stream's rate, channels and length first; ffmpeg then only decodes, to float32 at the native rate and
 * channel count, so downmixing and resampling are the same code for every format.
 */
public final class FfmpegDecoder implements AudioDecoder {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHUNK_FRAMES = 8192;

    private final String ffmpeg;
    private final String ffprobe;

    public FfmpegDecoder(String ffmpeg, String ffprobe) {
        this.ffmpeg = ffmpeg;
        this.ffprobe = ffprobe;
    }

    record StreamInfo(String codec, int sampleRate, int channels, double seconds) {
    }

    @Override
    public PcmAudio decode(Path file, DecodeSettings settings) throws IOException {
        StreamInfo info = probe(file);
        MonoResamplingSink sink = settings.sink(info.channels(), info.sampleRate(), info.seconds());
        Process process = start(List.of(ffmpeg, "-v", "error", "-nostdin", "-i", file.toString(), "-map", "0:a:0",
                "-f", "f32le", "-acodec", "pcm_f32le", "-"));
        CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        try (InputStream out = process.getInputStream()) {
            byte[] bytes = new byte[CHUNK_FRAMES * info.channels() * 4];
            float[] samples = new float[CHUNK_FRAMES * info.channels()];
            ByteBuffer view = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            int pending = 0;
            while (!sink.full()) {
                int read = out.read(bytes, pending, bytes.length - pending);
                if (read < 0) {
                    break;
                }
                pending += read;
                int frameBytes = info.channels() * 4;
                int frames = pending / frameBytes;
                if (frames == 0) {
                    continue;
                }
                view.position(0);
                view.asFloatBuffer().get(samples, 0, frames * info.channels());
                sink.accept(samples, frames);
                int used = frames * frameBytes;
                System.arraycopy(bytes, used, bytes, 0, pending - used);
                pending -= used;
            }
        } finally {
            if (sink.full()) {
                process.destroyForcibly();
            }
        }
        try {
            boolean exited = process.waitFor(30, TimeUnit.SECONDS);
            if (!sink.full() && (!exited || process.exitValue() != 0)) {
                throw new BadAudioException("cannot decode " + info.codec() + " audio: " + firstLine(errors.getNow("")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while decoding", e);
        } finally {
            process.destroyForcibly();
        }
        settings.checkNotOverLimit(sink);
        return sink.finish(info.seconds());
    }

    StreamInfo probe(Path file) throws IOException {
        Process process = start(List.of(ffprobe, "-v", "error", "-select_streams", "a:0", "-show_entries",
                "stream=codec_name,sample_rate,channels,duration:format=duration,format_name", "-of", "json", file.toString()));
        CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        String output = readAll(process.getInputStream());
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new BadAudioException("cannot decode audio: " + firstLine(errors.join()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while probing", e);
        } finally {
            process.destroyForcibly();
        }
        JsonNode root = JSON.readTree(output);
        JsonNode streams = root.path("streams");
        if (!streams.isArray() || streams.isEmpty()) {
            throw new BadAudioException("no audio stream in the file (" + root.path("format").path("format_name").asText("unknown format") + ")");
        }
        JsonNode stream = streams.get(0);
        String codec = stream.path("codec_name").asText("none");
        if (codec.isBlank() || codec.equals("none") || codec.equals("unknown")) {
            throw new BadAudioException("unsupported codec: the audio stream's codec is unknown to the decoder");
        }
        int rate = stream.path("sample_rate").asInt(0);
        int channels = stream.path("channels").asInt(0);
        if (rate <= 0 || channels <= 0) {
            throw new BadAudioException("unsupported codec: " + codec + " (no sample rate or channel count)");
        }
        double seconds = stream.path("duration").asDouble(root.path("format").path("duration").asDouble(Double.NaN));
        return new StreamInfo(codec, rate, channels, seconds);
    }

    private static Process start(List<String> command) throws IOException {
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command)).start();
            process.getOutputStream().close();
            return process;
        } catch (IOException e) {
            throw new IOException("cannot run " + command.get(0) + " (is ffmpeg installed?): " + e.getMessage(), e);
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String firstLine(String text) {
        String trimmed = text.strip();
        int newline = trimmed.indexOf('\n');
        return trimmed.isEmpty() ? "ffmpeg failed" : newline < 0 ? trimmed : trimmed.substring(0, newline);
    }
}
