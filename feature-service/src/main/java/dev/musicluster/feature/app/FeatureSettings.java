package dev.musicluster.feature.app;

import dev.musicluster.feature.decode.DecodeSettings;
import dev.musicluster.feature.domain.audio.ClipWindow;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the feature service extracts and what it refuses. */
@ConfigMapping(prefix = "musicluster.features")
public interface FeatureSettings {

    /** FIRST, CENTRE or WHOLE: which part of each track becomes features ({@link DecodeSettings#DEFAULT}'s). */
    @WithDefault(DecodeSettings.DEFAULT_WINDOW)
    ClipWindow window();

    @WithDefault(DecodeSettings.DEFAULT_WINDOW_SECONDS)
    double windowSeconds();

    /** Longer tracks go to the dead-letter topic. */
    @WithDefault("3600")
    double maxSeconds();

    /** Larger audio objects go to the dead-letter topic without being downloaded. */
    @WithDefault("209715200")
    long maxBytes();

    @WithDefault("20")
    int mfcc();

    /** Songs processed at once in this process; {@link WorkerDefaults} makes the default the number of cores. */
    int workers();

    /** Whether every song also gets its musicnn representation (docs/musicnn.md); off, the features are as before. */
    @WithDefault("true")
    boolean musicnn();

    /** Where the musicnn networks run: {@code auto} (a GPU when PyTorch sees one), {@code cpu} or {@code gpu}. */
    @WithDefault("auto")
    String musicnnDevice();

    /**
     * The arithmetic of the musicnn convolutions: {@code auto} (bfloat16 where the CPU computes it natively, float32
     * elsewhere), {@code float32} or {@code bfloat16} (docs/musicnn.md, "Precision").
     */
    @WithDefault("auto")
    String musicnnPrecision();

    /**
     * {@code audio}: every song decoded and analysed. {@code simulated}: for the scale harness only (docs/scale.md),
     * no audio is read and the analysis is drawn from the audio's SHA-256 ({@code SimulatedAnalysis}), of the real
     * shape and size.
     */
    @WithDefault("audio")
    Analysis analysis();

    /** With a simulated analysis: {@code own} stores every song's spectrograms; {@code shared} one per sound variant. */
    @WithDefault("own")
    SimulatedTensors simulatedTensors();

    enum Analysis { AUDIO, SIMULATED }

    enum SimulatedTensors { OWN, SHARED }

    @WithDefault("ffmpeg")
    String ffmpeg();

    @WithDefault("ffprobe")
    String ffprobe();
}
