package dev.musicluster.feature.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.musicluster.feature.domain.audio.BadAudioException;
import dev.musicluster.feature.domain.audio.ClipWindow;
import dev.musicluster.feature.domain.audio.PcmAudio;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real decoding of every supported container, from a generated song re-encoded by ffmpeg. */
class AudioDecoderTest {

    @TempDir
    static Path dir;

    static Path wav;
    static PcmAudio reference;
    static final AudioDecoder DECODER = new AudioDecoder("ffmpeg", "ffprobe");

    @BeforeAll
    static void makeSong() throws Exception {
        wav = AudioFixtures.song(dir, 4.0);
        reference = DECODER.decode(wav, DecodeSettings.DEFAULT);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "song.flac, 0.999, -c:a, flac",
            "song.aiff, 0.999, -c:a, pcm_s16be",
            "song.au, 0.999, -c:a, pcm_s16be",
            "song-24bit.wav, 0.999, -c:a, pcm_s24le",
            "song-ulaw.wav, 0.99, -c:a, pcm_mulaw",
            "song-adpcm.wav, 0.95, -c:a, adpcm_ms",
            "song.mp3, 0.95, -c:a, libmp3lame",
            "song.ogg, 0.95, -c:a, libvorbis",
            "song.m4a, 0.95, -c:a, aac"})
    void everyContainerDecodesToTheSameMusic(String name, double minCorrelation, String flag, String codec)
            throws Exception {
        Path file = AudioFixtures.encode(wav, name, flag, codec);
        PcmAudio audio = DECODER.decode(file, DecodeSettings.DEFAULT);

        assertThat(audio.sampleRate()).isEqualTo(22_050);
        assertThat(audio.sourceSampleRate()).isEqualTo(44_100);
        assertThat(audio.sourceChannels()).isEqualTo(2);
        assertThat(audio.seconds()).isCloseTo(4.0, org.assertj.core.data.Offset.offset(0.06));
        assertThat(bestCorrelation(reference.samples(), audio.samples(), 2200)).as(name).isGreaterThan(minCorrelation);
        // Correlation is blind to gain: L = R must come out at the level it went in, within what a lossy codec's
        // low-pass takes (MP3: 0.95); a mix 3 dB off either way (ffmpeg's -ac 1) gives 1.41 or 0.71.
        assertThat(rms(audio.samples()) / rms(reference.samples())).as(name + " level").isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.08));
    }

    /** The mono file at the working rate needs neither mixing nor resampling: its samples are the file's, to the bit. */
    @Test
    void aMonoFileAtTheWorkingRateDecodesToItsOwnSamples() throws Exception {
        float[] pcm;
        try (javax.sound.sampled.AudioInputStream in = javax.sound.sampled.AudioSystem.getAudioInputStream(wav.toFile())) {
            byte[] bytes = in.readAllBytes();
            pcm = new float[bytes.length / 2];
            for (int i = 0; i < pcm.length; i++) {
                pcm[i] = (short) ((bytes[2 * i] & 0xFF) | (bytes[2 * i + 1] << 8)) / 32768f;
            }
        }
        assertThat(reference.samples()).hasSameSizeAs(pcm);
        for (int i = 0; i < pcm.length; i++) {
            assertThat(reference.samples()[i]).as("sample %d", i).isCloseTo(pcm[i], org.assertj.core.data.Offset.offset(1e-6f));
        }
    }

    /** The mono mix is (L + R) / 2, librosa's: a song in the left channel only comes out at half its level. */
    @Test
    void theMonoMixIsTheMeanOfTheChannels() throws Exception {
        Path leftOnly = AudioFixtures.encode(wav, "left-only.wav", "-af", "pan=stereo|c0=c0|c1=0*c0", "-c:a", "pcm_s16le");
        PcmAudio audio = DECODER.decode(leftOnly, DecodeSettings.DEFAULT);
        assertThat(audio.sourceChannels()).isEqualTo(2);
        assertThat(bestCorrelation(reference.samples(), audio.samples(), 50)).isGreaterThan(0.999);
        assertThat(rms(audio.samples()) / rms(reference.samples())).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.01));
    }

    static double rms(float[] samples) {
        double sum = 0;
        for (float x : samples) {
            sum += (double) x * x;
        }
        return Math.sqrt(sum / Math.max(1, samples.length));
    }

    /**
     * Where the container's header and ffprobe agree on the length (FLAC: to the sample), both ways decode the same
     * window to the bit; and the header alone does it, without ffprobe ever starting.
     */
    @Test
    void theContainersHeaderStandsInForFfprobe() throws Exception {
        Path flac = AudioFixtures.encode(wav, "facts.flac", "-c:a", "flac");
        DecodeSettings centre = new DecodeSettings(22_050, ClipWindow.CENTRE, 1.5, 3600).alsoAt(16_000);
        PcmAudio probed = new AudioDecoder("ffmpeg", "ffprobe", AudioDecoder.StreamFacts.FFPROBE).decode(flac, centre);
        PcmAudio fromHeader = new AudioDecoder("ffmpeg", dir.resolve("no-ffprobe-here").toString()).decode(flac, centre);
        assertThat(fromHeader.samples()).isEqualTo(probed.samples());
        assertThat(fromHeader.at(16_000).samples()).isEqualTo(probed.at(16_000).samples());
        assertThat(fromHeader.sourceSeconds()).isEqualTo(probed.sourceSeconds());
        assertThat(fromHeader.sourceChannels()).isEqualTo(2);
    }

    @Test
    void windowsTakeTheFirstOrTheCentreSeconds() throws Exception {
        PcmAudio first = DECODER.decode(wav, new DecodeSettings(22_050, ClipWindow.FIRST, 1.5, 3600));
        PcmAudio centre = DECODER.decode(wav, new DecodeSettings(22_050, ClipWindow.CENTRE, 1.5, 3600));
        assertThat(first.samples()).hasSize(33_075);
        assertThat(centre.samples()).hasSize(33_075);
        float[] middle = Arrays.copyOfRange(reference.samples(), 27_562, 27_562 + 33_075);
        assertThat(correlation(centre.samples(), middle, 0)).isGreaterThan(0.999);
        assertThat(correlation(first.samples(), Arrays.copyOf(reference.samples(), 33_075), 0)).isGreaterThan(0.999);

        PcmAudio whole = DECODER.decode(wav, new DecodeSettings(22_050, ClipWindow.WHOLE, 1.5, 3600));
        assertThat(whole.samples()).hasSize(4 * 22_050);
    }

    @Test
    void badAudioIsRefusedWithItsReason() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.wav"));
        assertThatThrownBy(() -> DECODER.decode(empty, DecodeSettings.DEFAULT))
                .isInstanceOf(BadAudioException.class).hasMessageContaining("0 bytes");

        byte[] bytes = Files.readAllBytes(wav);
        Path truncated = Files.write(dir.resolve("truncated.wav"), Arrays.copyOf(bytes, 20));
        assertThatThrownBy(() -> DECODER.decode(truncated, DecodeSettings.DEFAULT))
                .isInstanceOf(BadAudioException.class).hasMessageContaining("truncated");

        Path garbage = Files.write(dir.resolve("garbage.mp3"), "ID3 but then nothing useful at all".repeat(20).getBytes());
        assertThatThrownBy(() -> DECODER.decode(garbage, DecodeSettings.DEFAULT))
                .isInstanceOf(BadAudioException.class).hasMessageContaining("decode");

        Path silence = AudioFixtures.encode(wav, "silence.flac", "-af", "volume=0", "-c:a", "flac");
        assertThatThrownBy(() -> DECODER.decode(silence, DecodeSettings.DEFAULT))
                .isInstanceOf(BadAudioException.class).hasMessageContaining("silent");

        Path shortClip = AudioFixtures.encode(wav, "short.ogg", "-t", "0.5", "-c:a", "libvorbis");
        assertThatThrownBy(() -> DECODER.decode(shortClip, DecodeSettings.DEFAULT))
                .isInstanceOf(BadAudioException.class).hasMessageContaining("at least 1 s");

        // A format tag no decoder knows, in an otherwise valid WAV header.
        byte[] unknownCodec = bytes.clone();
        unknownCodec[20] = 0x34;
        unknownCodec[21] = 0x12;
        Path unknown = Files.write(dir.resolve("unknown-codec.wav"), unknownCodec);
        assertThatThrownBy(() -> DECODER.decode(unknown, DecodeSettings.DEFAULT))
                .isInstanceOf(BadAudioException.class).hasMessageContaining("unsupported codec");

        assertThatThrownBy(() -> DECODER.decode(wav, new DecodeSettings(22_050, ClipWindow.FIRST, 30, 2.0)))
                .isInstanceOf(BadAudioException.class).hasMessageContaining("over the 2 s limit");
    }

    @Test
    void aDecompressionBombIsDecodedOnlyAsFarAsItsWindowOrItsLimit() throws Exception {
        Path bomb = AudioFixtures.decompressionBomb(dir, 600);
        double decodedBytes = 600.0 * 44_100 * 2 * 4;
        assertThat(decodedBytes / Files.size(bomb)).as("expansion of the file to float PCM").isGreaterThan(1000);

        // The default window: its length unknown, the track is read from the start for the window's 60 s, then ffmpeg
        // is stopped; the other 9 minutes are never decoded.
        PcmAudio first = DECODER.decode(bomb, DecodeSettings.DEFAULT);
        assertThat(first.samples()).hasSize(60 * 22_050);

        // The whole track is wanted but its length is unknown: refused once decoding passes the limit.
        assertThatThrownBy(() -> DECODER.decode(bomb, new DecodeSettings(22_050, ClipWindow.WHOLE, 30, 60)))
                .isInstanceOf(BadAudioException.class).hasMessageContaining("runs past the 60 s limit");
    }

    @Test
    void theToolsAreCheckedBeforeAnySongIsTaken() throws Exception {
        DECODER.requireTools();
        assertThatThrownBy(() -> new AudioDecoder("ffmpeg", "no-such-ffprobe").requireTools())
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("cannot run no-such-ffprobe");
        // A tool that runs but fails: false(1) exits 1 whatever it is asked.
        assertThatThrownBy(() -> new AudioDecoder("false", "ffprobe").requireTools())
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("false -version exited with 1");
    }

    /** The highest normalised correlation over small shifts: codecs add a few milliseconds of delay. */
    static double bestCorrelation(float[] a, float[] b, int maxShift) {
        double best = -1;
        for (int shift = -maxShift; shift <= maxShift; shift++) {
            best = Math.max(best, correlation(a, b, shift));
        }
        return best;
    }

    static double correlation(float[] a, float[] b, int shift) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            int j = i + shift;
            if (j < 0 || j >= b.length) {
                continue;
            }
            ab += a[i] * b[j];
            aa += a[i] * a[i];
            bb += b[j] * b[j];
        }
        return ab / Math.sqrt(aa * bb + 1e-30);
    }
}
