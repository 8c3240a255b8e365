package dev.musicluster.feature.domain.dsp;

/** Sees each frame's power spectrum as the spectrogram is computed, so descriptors need no second STFT. */
@FunctionalInterface
public interface FrameObserver {

    void frame(int index, float[] power);
}
