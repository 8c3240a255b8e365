package dev.musicluster.feature.app;

import ai.djl.Device;
import dev.musicluster.contracts.events.AudioFeaturesExtracted;
import dev.musicluster.contracts.events.SongIngested;
import dev.musicluster.contracts.storage.ObjectKeys;
import dev.musicluster.contracts.tensor.NpyArray;
import dev.musicluster.contracts.tensor.NpyFormat;
import dev.musicluster.feature.decode.AudioDecoder;
import dev.musicluster.feature.decode.DecodeSettings;
import dev.musicluster.feature.domain.audio.BadAudioException;
import dev.musicluster.feature.domain.audio.PcmAudio;
import dev.musicluster.feature.domain.dsp.SpectrogramConfig;
import dev.musicluster.feature.domain.musicnn.MusicnnEncoder;
import dev.musicluster.feature.domain.musicnn.MusicnnInput;
import dev.musicluster.feature.domain.musicnn.MusicnnPrecision;
import dev.musicluster.feature.domain.musicnn.MusicnnRepresentation;
import dev.musicluster.feature.domain.simulation.SimulatedAnalysis;
import dev.musicluster.feature.domain.summary.SongFeatures;
import dev.musicluster.kit.ObjectStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * One song's way through the service: fetch the audio, decode it once (22,050 Hz for the features, 16 kHz for
 * musicnn), compute, store the tensors.
 */
@ApplicationScoped
public class FeatureExtraction {

    private static final Logger LOG = Logger.getLogger(FeatureExtraction.class);

    /**
     * Changes whenever the features of one audio would: /3 since every container is decoded and resampled by one
     * ffmpeg call with soxr (issue 22); /4 since musicnn runs in bfloat16 where the CPU has it (issue 31), so that a
     * library analysed before is analysed again, not mixed. The precision itself is in each song's musicnn version,
     * not here: replicas on machines of both kinds must not redo each other's songs. The settings join it in
     * {@link #extractorVersion()}; a song analysed under another version is analysed again at start
     * ({@code StaleFeatures}).
     */
    private static final String EXTRACTOR = "feature-service/4";

    private final ObjectStore store;
    private final FeatureSettings settings;
    private final AudioDecoder decoder;
    private final DecodeSettings decodeSettings;
    private final SpectrogramConfig spectrogram;
    private final ThreadLocal<SongFeatures.Extractor> extractors;
    private final Timer timer;
    private final Timer musicnnTimer;
    private final String extractorVersion;
    private final MusicnnEncoder musicnn;
    private final SimulatedAnalysis simulation;
    /** Shared simulated spectrograms known to be stored: asked of the store once each, not once a song. */
    private final java.util.Set<String> sharedWritten = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public FeatureExtraction(ObjectStore store, FeatureSettings settings, MeterRegistry registry) {
        this.store = store;
        this.settings = settings;
        this.decoder = new AudioDecoder(settings.ffmpeg(), settings.ffprobe());
        this.spectrogram = SpectrogramConfig.DEFAULT.withMfcc(settings.mfcc());
        DecodeSettings decode = new DecodeSettings(spectrogram.sampleRate(), settings.window(), settings.windowSeconds(), settings.maxSeconds());
        // One decode feeds both: the 22,050 Hz features and musicnn's 16 kHz input come from the same samples.
        this.decodeSettings = settings.musicnn() ? decode.alsoAt(MusicnnInput.SAMPLE_RATE) : decode;
        this.extractors = ThreadLocal.withInitial(() -> new SongFeatures.Extractor(spectrogram));
        boolean simulated = settings.analysis() == FeatureSettings.Analysis.SIMULATED;
        if (settings.musicnn() && !simulated) {
            MusicnnDevice.shareCores(settings.workers());
        }
        this.musicnn = settings.musicnn() && !simulated ? musicnnEncoder(settings) : null;
        this.simulation = simulated ? new SimulatedAnalysis(spectrogram, settings.windowSeconds()) : null;
        if (simulated) {
            LOG.warnf("the analysis is SIMULATED (musicluster.features.analysis=simulated): no audio is decoded; for the scale harness only");
        }
        this.extractorVersion = String.format(java.util.Locale.ROOT, "%s %s%s %.0f s, %d MFCC%s", EXTRACTOR, simulated ? "simulated " : "",
                settings.window(), settings.windowSeconds(), settings.mfcc(), musicnn == null ? "" : ", " + musicnn.weights());
        this.musicnnTimer = Timer.builder("musicluster.features.musicnn")
                .description("Time to run both musicnn networks over one song")
                .register(registry);
        this.timer = Timer.builder("musicluster.features.extraction")
                .description("Time from a song's event to its stored features")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofMinutes(2))
                .register(registry);
    }

    /**
     * A service that cannot decode says so once and does not start, instead of dead-lettering the library song by
     * song. The simulated analysis decodes nothing, so it needs no ffmpeg.
     */
    void requireDecoder(@Observes StartupEvent started) {
        if (simulation != null) {
            return;
        }
        try {
            decoder.requireTools();
        } catch (IOException e) {
            throw new IllegalStateException("the feature service cannot decode audio (musicluster.features.ffmpeg="
                    + settings.ffmpeg() + ", musicluster.features.ffprobe=" + settings.ffprobe() + "): " + e.getMessage(), e);
        }
    }

    /**
     * The code and the settings the features come from: a song whose features were made under other settings is
     * extracted again when it is redelivered.
     */
    private static MusicnnEncoder musicnnEncoder(FeatureSettings settings) {
        Device device = MusicnnDevice.of(settings.musicnnDevice());
        MusicnnPrecision precision = MusicnnPrecision.of(settings.musicnnPrecision(), device);
        LOG.infof("musicnn runs on %s in %s (musicluster.features.musicnn-precision=%s; this CPU %s bfloat16 natively)", device,
                precision.id(), settings.musicnnPrecision(), MusicnnPrecision.nativeBFloat16() ? "multiplies" : "does not multiply");
        return MusicnnEncoder.bundled(device, precision);
    }

    public String extractorVersion() {
        return extractorVersion;
    }

    /** Computes and stores the song's features and returns the event announcing them. */
    public AudioFeaturesExtracted extract(SongIngested song) throws IOException {
        long started = System.nanoTime();
        long size = store.size(song.audioKey());
        if (size > settings.maxBytes()) {
            throw new BadAudioException(String.format("audio is %.1f MB, over the %.1f MB limit", size / 1e6, settings.maxBytes() / 1e6));
        }
        if (simulation != null) {
            try {
                return simulated(song);
            } finally {
                timer.record(Duration.ofNanos(System.nanoTime() - started));
            }
        }
        Path file = Files.createTempFile("features-" + song.songId() + "-", "." + song.audioFormat());
        try {
            try (InputStream in = store.open(song.audioKey())) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            PcmAudio audio = decoder.decode(file, decodeSettings);
            SongFeatures features = extractors.get().extract(audio);
            AudioFeaturesExtracted.Musicnn pretrained = musicnn == null ? null : musicnn(song.songId(), audio.at(MusicnnInput.SAMPLE_RATE));
            String logMelKey = ObjectKeys.logMel(song.songId());
            String mfccKey = ObjectKeys.mfcc(song.songId());
            store.put(logMelKey, NpyFormat.toBytes(features.logMel()), "application/octet-stream");
            store.put(mfccKey, NpyFormat.toBytes(features.mfcc()), "application/octet-stream");
            return new AudioFeaturesExtracted(AudioFeaturesExtracted.SCHEMA_VERSION, song.songId(), song.revision(), song.audioSha256(),
                    audio.sampleRate(), features.logMel().dim(1), audio.seconds(), logMelKey, mfccKey,
                    features.summary().names(), features.summary().values(), extractorVersion, Instant.now(), pretrained,
                    Double.isFinite(audio.sourceSeconds()) ? audio.sourceSeconds() : audio.seconds());
        } finally {
            Files.deleteIfExists(file);
            timer.record(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /**
     * The harness's song: its analysis drawn from its audio's hash, stored and announced as a real one; with shared
     * tensors, the spectrograms of its sound's variant are stored once and every song of it points there.
     */
    private AudioFeaturesExtracted simulated(SongIngested song) throws IOException {
        SimulatedAnalysis.Song analysed = simulation.analyse(song.audioSha256());
        SongFeatures features = analysed.features();
        String logMelKey = ObjectKeys.logMel(song.songId());
        String mfccKey = ObjectKeys.mfcc(song.songId());
        if (settings.simulatedTensors() == FeatureSettings.SimulatedTensors.SHARED) {
            String variant = "c" + analysed.component() + "-v" + SimulatedAnalysis.tensorVariant(song.audioSha256());
            logMelKey = ObjectKeys.simulated(variant, "logmel.npy");
            mfccKey = ObjectKeys.simulated(variant, "mfcc.npy");
        }
        boolean shared = logMelKey.startsWith("simulated/");
        if (!shared || (!sharedWritten.contains(logMelKey) && !(store.exists(logMelKey) && store.exists(mfccKey)))) {
            store.put(logMelKey, NpyFormat.toBytes(features.logMel()), "application/octet-stream");
            store.put(mfccKey, NpyFormat.toBytes(features.mfcc()), "application/octet-stream");
        }
        if (shared) {
            sharedWritten.add(logMelKey);
        }
        MusicnnRepresentation representation = analysed.musicnn();
        String key = ObjectKeys.musicnn(song.songId());
        store.put(key, NpyFormat.toBytes(new NpyArray(new int[] {representation.patches(), MusicnnRepresentation.PATCH_WIDTH},
                representation.perPatch())), "application/octet-stream");
        int frames = features.logMel().dim(1);
        return new AudioFeaturesExtracted(AudioFeaturesExtracted.SCHEMA_VERSION, song.songId(), song.revision(), song.audioSha256(),
                spectrogram.sampleRate(), frames, settings.windowSeconds(), logMelKey, mfccKey, features.summary().names(),
                features.summary().values(), extractorVersion, Instant.now(), new AudioFeaturesExtracted.Musicnn(representation.embedding(),
                representation.tags(), representation.patches(), key, "simulated"), analysed.trackSeconds());
    }

    /** Both networks over the song's 16 kHz audio; every patch's values go to the store, their means into the event. */
    private AudioFeaturesExtracted.Musicnn musicnn(String songId, PcmAudio audio) throws IOException {
        long started = System.nanoTime();
        MusicnnRepresentation representation = musicnn.encode(audio.samples());
        musicnnTimer.record(Duration.ofNanos(System.nanoTime() - started));
        String key = ObjectKeys.musicnn(songId);
        store.put(key, NpyFormat.toBytes(new NpyArray(new int[] {representation.patches(), MusicnnRepresentation.PATCH_WIDTH},
                representation.perPatch())), "application/octet-stream");
        return new AudioFeaturesExtracted.Musicnn(representation.embedding(), representation.tags(), representation.patches(), key,
                musicnn.version());
    }

    @PreDestroy
    void close() {
        if (musicnn != null) {
            musicnn.close();
        }
    }
}
