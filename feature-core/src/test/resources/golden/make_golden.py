"""Golden values for the feature service's DSP, computed from the formulas alone with numpy (float64).

No librosa: every step is written out below from its definition, so the Java code is checked against the maths,
not against another implementation's choices. Run from this folder: python3 make_golden.py (numpy 2.4.6).

Conventions (librosa's): sr 22050, n_fft 2048, hop 512, periodic Hann window, centred frames with reflect
padding, power spectrum, 128 Slaney mel bands with area normalisation (0 .. sr/2), dB ref 1.0, amin 1e-10,
top_db 80, 20 MFCCs by orthonormal DCT-II, deltas by a 9-frame Savitzky-Golay first derivative ("interp" edges).
"""
import numpy as np

SR, N_FFT, HOP, N_MELS, N_MFCC = 22050, 2048, 512, 128, 20
AMIN, TOP_DB = 1e-10, 80.0


def signals():
    t = np.arange(SR) / SR  # one second
    sine = 0.5 * np.sin(2 * np.pi * 440.0 * t)
    f0, f1 = 100.0, 8000.0  # linear chirp: phase = 2π (f0 t + (f1 - f0) t² / 2)
    chirp = 0.5 * np.sin(2 * np.pi * (f0 * t + (f1 - f0) * t ** 2 / 2))
    noise = np.random.default_rng(42).uniform(-0.5, 0.5, SR)
    return {"sine": sine, "chirp": chirp, "noise": noise}


def hz_to_mel(hz):
    f_sp, min_log_hz = 200.0 / 3, 1000.0
    logstep = np.log(6.4) / 27.0
    hz = np.asarray(hz, dtype=float)
    return np.where(hz >= min_log_hz, min_log_hz / f_sp + np.log(np.maximum(hz, 1e-300) / min_log_hz) / logstep, hz / f_sp)


def mel_to_hz(mel):
    f_sp, min_log_hz = 200.0 / 3, 1000.0
    min_log_mel, logstep = min_log_hz / f_sp, np.log(6.4) / 27.0
    mel = np.asarray(mel, dtype=float)
    return np.where(mel >= min_log_mel, min_log_hz * np.exp(logstep * (mel - min_log_mel)), f_sp * mel)


def filterbank():
    edges = mel_to_hz(np.linspace(hz_to_mel(0.0), hz_to_mel(SR / 2), N_MELS + 2))
    freqs = np.arange(N_FFT // 2 + 1) * SR / N_FFT
    weights = np.zeros((N_MELS, freqs.size))
    for m in range(N_MELS):
        rising = (freqs - edges[m]) / (edges[m + 1] - edges[m])
        falling = (edges[m + 2] - freqs) / (edges[m + 2] - edges[m + 1])
        weights[m] = np.maximum(0, np.minimum(rising, falling)) * 2.0 / (edges[m + 2] - edges[m])
    return weights.astype(np.float32)  # stored as float32, as librosa does


def power_spectrogram(y):
    n = np.arange(N_FFT)
    window = 0.5 - 0.5 * np.cos(2 * np.pi * n / N_FFT)  # periodic Hann
    padded = np.pad(y, N_FFT // 2, mode="reflect")
    frames = 1 + len(y) // HOP
    out = np.empty((N_FFT // 2 + 1, frames))
    k = np.arange(N_FFT // 2 + 1)[:, None]
    dft = np.exp(-2j * np.pi * k * n[None, :] / N_FFT)  # the DFT by definition, not numpy's FFT
    for t in range(frames):
        spectrum = dft @ (padded[t * HOP:t * HOP + N_FFT] * window)
        out[:, t] = np.abs(spectrum) ** 2
    return out


def to_db(s):
    db = 10.0 * np.log10(np.maximum(AMIN, s)) - 10.0 * np.log10(1.0)
    return np.maximum(db, db.max() - TOP_DB)


def mfcc(log_mel):
    n = np.arange(N_MELS)
    basis = np.array([np.sqrt((1.0 if k == 0 else 2.0) / N_MELS) * np.cos(np.pi * k * (2 * n + 1) / (2 * N_MELS))
                      for k in range(N_MFCC)])
    return basis @ log_mel


def deltas(x):
    k = np.arange(-4, 5)
    out = np.empty_like(x)
    frames = x.shape[1]
    for t in range(4, frames - 4):
        out[:, t] = x[:, t - 4:t + 5] @ k / 60.0
    out[:, :4] = (x[:, :9] @ k / 60.0)[:, None]
    out[:, frames - 4:] = (x[:, frames - 9:] @ k / 60.0)[:, None]
    return out


if __name__ == "__main__":
    fb = filterbank()
    np.save("filterbank_128x1025.npy", fb)
    for name, y in signals().items():
        y = y.astype(np.float32)  # the Java side reads float32 signals
        np.save(f"{name}.signal.npy", y)
        mel = fb.astype(np.float64) @ power_spectrogram(y.astype(np.float64))
        log_mel = to_db(mel)
        coefficients = mfcc(log_mel)
        np.save(f"{name}.logmel.npy", log_mel.astype(np.float32))
        np.save(f"{name}.mfcc.npy", coefficients.astype(np.float32))
        np.save(f"{name}.mfcc_delta.npy", deltas(coefficients).astype(np.float32))
