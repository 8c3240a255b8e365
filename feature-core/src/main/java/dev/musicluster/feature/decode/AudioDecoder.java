package dev.musicluster.feature.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.musicluster.feature.domain.audio.BadAudioException;
import dev.musicluster.feature.domain.audio.PcmAudio;
import dev.musicluster.library.StreamHeader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Turns an audio file into mono PCM at the rates wanted, streaming: memory is bounded by the window taken. Every
 * container (WAV, AIFF, AU, MP3, OGG/Vorbis, FLAC, M4A/AAC, anything ffmpeg reads) takes the same way, so one
 * recording gives the same samples, mono mix and resampler whatever file it came in: one ffmpeg child process. The
 * stream's rate, channels and length come first, from the container's header ({@link StreamHeader}, in this process)
 * or else from ffprobe, so the window is known before decoding; ffmpeg then seeks to it,
 * decodes only it, averages the channels ((L+R)/2, librosa's {@code to_mono}; ffmpeg's own {@code -ac 1} is 3 dB
 * louder) and resamples with soxr at 20 bits, the resampler behind librosa's default {@code soxr_hq}, to every rate
 * wanted from the one decode: the first to stdout, the others to files beside it. What comes out is checked: nothing
 * shorter than a second, nothing silent.
 */
public final class AudioDecoder {

    /** −80 dBFS: below this a track carries no music to describe. */
    private static final float SILENCE = 1e-4f;
    private static final double MIN_SECONDS = 1.0;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHUNK_BYTES = 1 << 16;
    /** A WHOLE track is read this far past the limit, so that a track of unknown length is seen to run past it. */
    private static final double PAST_THE_LIMIT_SECONDS = 1.0;

    private final String ffmpeg;
    private final String ffprobe;
    private final StreamFacts facts;

    /** Where the stream's rate, channels and length come from before the decode. */
    public enum StreamFacts {
        /** The container's header where jaudiotagger reads it, ffprobe otherwise and whenever the decode fails. */
        HEADER_FIRST,
        /** ffprobe for every file (before issue 31: about 90 ms of process start a song). */
        FFPROBE
    }

    public AudioDecoder(String ffmpeg, String ffprobe) {
        this(ffmpeg, ffprobe, StreamFacts.HEADER_FIRST);
    }

    public AudioDecoder(String ffmpeg, String ffprobe, StreamFacts facts) {
        this.ffmpeg = ffmpeg;
        this.ffprobe = ffprobe;
        this.facts = facts;
    }

    record StreamInfo(String codec, int sampleRate, int channels, double seconds) {
    }

    /**
     * Fails unless both ffmpeg and ffprobe run. Without them every song would fail to decode, one by one, into the
     * dead-letter topic; a service that cannot decode should say so once, at start-up, and not take any song.
     *
     * @throws IOException naming the tool that did not run and why
     */
    public void requireTools() throws IOException {
        for (String tool : List.of(ffmpeg, ffprobe)) {
            Process process = start(List.of(tool, "-version"));
            try {
                String output = readAll(process.getInputStream());
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IOException(tool + " -version did not finish within 30 s");
                }
                if (process.exitValue() != 0) {
                    throw new IOException(tool + " -version exited with " + process.exitValue() + ": " + firstLine(output));
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while running " + tool + " -version", e);
            }
        }
    }

    /**
     * @throws BadAudioException when the file is not decodable audio, shorter than a second or silent
     * @throws IOException when reading failed for reasons that a retry may fix
     */
    public PcmAudio decode(Path file, DecodeSettings settings) throws IOException {
        if (Files.size(file) == 0) {
            throw new BadAudioException("empty audio file (0 bytes)");
        }
        PcmAudio audio = decodeWindow(file, settings);
        if (audio.seconds() < MIN_SECONDS) {
            throw new BadAudioException(String.format("audio is %.2f s long; at least %.0f s is needed", audio.seconds(), MIN_SECONDS));
        }
        if (audio.peak() < SILENCE) {
            throw new BadAudioException("audio is silent (peak below -80 dBFS)");
        }
        return audio;
    }

    private PcmAudio decodeWindow(Path file, DecodeSettings settings) throws IOException {
        if (facts == StreamFacts.HEADER_FIRST) {
            Optional<StreamHeader> header = StreamHeader.read(file);
            if (header.isPresent()) {
                StreamHeader h = header.get();
                try {
                    return decodeWindow(file, settings, new StreamInfo(h.codec(), h.sampleRate(), h.channels(), h.seconds()));
                } catch (BadAudioException e) {
                    // A header that misleads (another channel count than the stream's, a damaged file): ffprobe reads the
                    // stream itself, and its verdict is the one reported.
                }
            }
        }
        return decodeWindow(file, settings, probe(file));
    }

    private PcmAudio decodeWindow(Path file, DecodeSettings settings, StreamInfo info) throws IOException {
        DecodeSettings.Span span = settings.span(info.sampleRate(), info.seconds());
        int[] rates = settings.rates();
        Path scratch = rates.length > 1 ? Files.createTempDirectory("decode-") : null;
        try {
            Process process = start(command(file, info, span, settings.wholeTrack(), rates, scratch));
            CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            float[] main;
            try (InputStream out = process.getInputStream()) {
                main = readFloats(out, initialCapacity(span, rates[0]));
                waitFor(process, file, info, errors);
            } finally {
                process.destroyForcibly();
            }
            Map<Integer, float[]> others = new LinkedHashMap<>();
            for (int r = 1; r < rates.length; r++) {
                try (InputStream in = Files.newInputStream(scratch.resolve(rates[r] + ".f32"))) {
                    others.put(rates[r], readFloats(in, initialCapacity(span, rates[r])));
                }
            }
            if (settings.wholeTrack() && main.length > Math.round(settings.maxSeconds() * rates[0])) {
                throw new BadAudioException(String.format("audio runs past the %.0f s limit", settings.maxSeconds()));
            }
            return new PcmAudio(cut(main, span.samplesAt(rates[0])), rates[0], info.sampleRate(), info.channels(), info.seconds(),
                    cutAll(others, span));
        } finally {
            if (scratch != null) {
                deleteRecursively(scratch);
            }
        }
    }

    private List<String> command(Path file, StreamInfo info, DecodeSettings.Span span, boolean wholeTrack, int[] rates, Path scratch) {
        List<String> command = new ArrayList<>(List.of(ffmpeg, "-v", "error", "-nostdin", "-threads", "1"));
        if (span.skipFrames() > 0) {
            command.addAll(List.of("-ss", seconds(span.startSeconds())));
        }
        command.addAll(List.of("-t", seconds(span.seconds() + (wholeTrack ? PAST_THE_LIMIT_SECONDS : 0)), "-i", file.toString(),
                "-filter_complex", filterGraph(info.channels(), rates)));
        for (int r = 0; r < rates.length; r++) {
            command.addAll(List.of("-map", "[o" + r + "]", "-f", "f32le", "-c:a", "pcm_f32le",
                    r == 0 ? "pipe:1" : scratch.resolve(rates[r] + ".f32").toString()));
        }
        return command;
    }

    /**
     * Float samples, channels averaged with equal weights, split, each branch resampled by soxr to its rate and kept
     * mono even if the stream has more channels than it was said to (nothing interleaved is ever read as mono).
     */
    static String filterGraph(int channels, int[] rates) {
        StringBuilder graph = new StringBuilder("[0:a:0]aformat=sample_fmts=fltp");
        if (channels > 1) {
            String weight = Double.toString(1.0 / channels);
            graph.append(",pan=mono|c0=").append(IntStream.range(0, channels).mapToObj(c -> weight + "*c" + c)
                    .collect(Collectors.joining("+")));
        }
        graph.append(",asplit=").append(rates.length).append(IntStream.range(0, rates.length).mapToObj(r -> "[s" + r + "]")
                .collect(Collectors.joining()));
        for (int r = 0; r < rates.length; r++) {
            graph.append(";[s").append(r).append("]aresample=").append(rates[r])
                    .append(":resampler=soxr:precision=20,aformat=sample_fmts=flt:channel_layouts=mono[o").append(r).append(']');
        }
        return graph.toString();
    }

    private static void waitFor(Process process, Path file, StreamInfo info, CompletableFuture<String> errors) throws IOException {
        try {
            boolean exited = process.waitFor(60, TimeUnit.SECONDS);
            if (!exited || process.exitValue() != 0) {
                // Once ffmpeg has exited its error stream is closed, so its reason is there to be read whole.
                String reason = exited ? firstLine(errors.join()).replace(file + ": ", "") : "ffmpeg did not finish within 60 s";
                throw new BadAudioException("cannot decode " + info.codec() + " audio: " + reason);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while decoding", e);
        }
    }

    /**
     * The window's length, but never more than a minute up front: a WHOLE track's span is the limit (an hour), and the
     * array grows as samples actually arrive.
     */
    private static int initialCapacity(DecodeSettings.Span span, int rate) {
        return (int) Math.max(1024, Math.min(span.samplesAt(rate), 60L * rate));
    }

    /** Little-endian float32 samples, into an array of the given capacity, grown if more arrive. */
    private static float[] readFloats(InputStream in, int capacity) throws IOException {
        float[] samples = new float[capacity];
        int count = 0;
        byte[] bytes = new byte[CHUNK_BYTES];
        ByteBuffer view = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int pending = 0;
        int read;
        while ((read = in.read(bytes, pending, bytes.length - pending)) >= 0) {
            pending += read;
            int whole = pending / 4;
            if (count + whole > samples.length) {
                samples = Arrays.copyOf(samples, Math.max(count + whole, samples.length + samples.length / 2));
            }
            view.position(0);
            view.asFloatBuffer().get(samples, count, whole);
            count += whole;
            System.arraycopy(bytes, whole * 4, bytes, 0, pending - whole * 4);
            pending -= whole * 4;
        }
        return Arrays.copyOf(samples, count);
    }

    private static float[] cut(float[] samples, long length) {
        return samples.length <= length ? samples : Arrays.copyOf(samples, (int) length);
    }

    private static Map<Integer, float[]> cutAll(Map<Integer, float[]> byRate, DecodeSettings.Span span) {
        Map<Integer, float[]> cut = new LinkedHashMap<>();
        byRate.forEach((rate, samples) -> cut.put(rate, cut(samples, span.samplesAt(rate))));
        return cut;
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.6f", seconds);
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    StreamInfo probe(Path file) throws IOException {
        Process process = start(List.of(ffprobe, "-v", "error", "-select_streams", "a:0", "-show_entries",
                "stream=codec_name,sample_rate,channels,duration:format=duration,format_name", "-of", "json", file.toString()));
        CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        String output = readAll(process.getInputStream());
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new BadAudioException("cannot decode audio: not a readable audio file or a truncated one (ffprobe: "
                        + firstLine(errors.join()).replace(file + ": ", "") + ")");
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
