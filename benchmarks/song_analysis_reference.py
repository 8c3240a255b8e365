#!/usr/bin/python3
"""One song's analysis in Python: the reference for SongAnalysisBenchmark (docs/performance.md, issue 22).

What the feature service does per song, done the way a Python MIR pipeline does it: ffprobe, then one ffmpeg call
that seeks to the centre 60 s, averages the channels and resamples with soxr to 22,050 and 16,000 Hz; numpy for the
128-band log-mel, the 20 MFCCs and the 92-value summary (librosa's conventions, vectorised); numpy for musicnn's
96-band input; PyTorch for both musicnn networks, 20 patches, 2 a pass, its fastest (musicnn_reference.py's
networks, in musicnn's own layer order; also timed: 8 a pass, and the maximum over frequency first as the Java code
takes it). Also one plain ffmpeg + soxr call over the whole file, librosa.load's equivalent.

Each step is timed on its own, the median of 5 runs after 1 warm-up, on 1 thread (PyTorch and BLAS). Run from
benchmarks/ after `java -jar target/benchmarks.jar SongAnalysisBenchmark`, which writes the songs:
    /usr/bin/python3 song_analysis_reference.py [target/song-bench/song.mp3 target/song-bench/song.flac]
"""
import json
import os
import subprocess
import sys
import tempfile
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402
import scipy.fft  # noqa: E402
import scipy.signal  # noqa: E402
import torch  # noqa: E402

import musicnn_reference as musicnn  # noqa: E402

WINDOW = 60.0
RATE, N_FFT, HOP, MELS, MFCC = 22050, 2048, 512, 128, 20
M_RATE, M_FFT, M_HOP, M_BANDS, PATCH = 16000, 512, 256, 96, 187


def probe(path):
    out = subprocess.run(["ffprobe", "-v", "error", "-select_streams", "a:0", "-show_entries",
                          "stream=sample_rate,channels,duration:format=duration", "-of", "json", path],
                         check=True, capture_output=True, text=True).stdout
    info = json.loads(out)
    stream = info["streams"][0]
    seconds = float(stream.get("duration", info["format"]["duration"]))
    return int(stream["channels"]), seconds


def decode(path):
    """ffprobe, then one ffmpeg call: the centre minute, (L+R)/2, soxr to both rates."""
    channels, seconds = probe(path)
    start = max(0.0, (seconds - WINDOW) / 2)
    mix = "+".join(f"{1 / channels}*c{c}" for c in range(channels))
    graph = (f"[0:a:0]aformat=sample_fmts=fltp,pan=mono|c0={mix},asplit=2[a][b];"
             f"[a]aresample={RATE}:resampler=soxr:precision=20[o0];[b]aresample={M_RATE}:resampler=soxr:precision=20[o1]")
    with tempfile.TemporaryDirectory() as scratch:
        other = os.path.join(scratch, "16k.f32")
        out = subprocess.run(["ffmpeg", "-v", "error", "-nostdin", "-threads", "1", "-ss", f"{start:.6f}", "-t", str(WINDOW),
                              "-i", path, "-filter_complex", graph, "-map", "[o0]", "-f", "f32le", "pipe:1",
                              "-map", "[o1]", "-f", "f32le", other], check=True, capture_output=True).stdout
        return np.frombuffer(out, dtype="<f4").copy(), np.fromfile(other, dtype="<f4")


def ffmpeg_soxr_whole(path):
    """librosa.load(path, sr=22050) through ffmpeg: the whole file, (L+R)/2, soxr."""
    channels, _ = probe(path)
    mix = "+".join(f"{1 / channels}*c{c}" for c in range(channels))
    out = subprocess.run(["ffmpeg", "-v", "error", "-nostdin", "-threads", "1", "-i", path, "-af",
                          f"aformat=sample_fmts=fltp,pan=mono|c0={mix},aresample={RATE}:resampler=soxr:precision=20",
                          "-f", "f32le", "pipe:1"], check=True, capture_output=True).stdout
    return np.frombuffer(out, dtype="<f4")


def hz_to_mel(f):
    f = np.asanyarray(f, dtype=np.float64)
    linear = f / (200.0 / 3)
    return np.where(f >= 1000.0, 15.0 + np.log(np.maximum(f, 1e-10) / 1000.0) / (np.log(6.4) / 27.0), linear)


def mel_to_hz(m):
    m = np.asanyarray(m, dtype=np.float64)
    return np.where(m >= 15.0, 1000.0 * np.exp((np.log(6.4) / 27.0) * (m - 15.0)), m * (200.0 / 3))


def mel_filterbank(rate, n_fft, bands, fmax):
    """librosa.filters.mel(htk=False, norm='slaney')."""
    fft_freqs = np.linspace(0, rate / 2, n_fft // 2 + 1)
    edges = mel_to_hz(np.linspace(hz_to_mel(0.0), hz_to_mel(fmax), bands + 2))
    spacing = np.diff(edges)
    ramps = edges[:, None] - fft_freqs[None, :]
    lower = -ramps[:-2] / spacing[:-1, None]
    upper = ramps[2:] / spacing[1:, None]
    weights = np.maximum(0, np.minimum(lower, upper))
    return (weights * (2.0 / (edges[2:bands + 2] - edges[:bands]))[:, None]).astype(np.float32)


def power_stft(y, n_fft, hop):
    padded = np.pad(y, n_fft // 2, mode="reflect")
    frames = np.lib.stride_tricks.sliding_window_view(padded, n_fft)[::hop]
    window = (0.5 - 0.5 * np.cos(2 * np.pi * np.arange(n_fft) / n_fft)).astype(np.float32)
    spectrum = np.fft.rfft(frames * window, axis=1)
    return (spectrum.real ** 2 + spectrum.imag ** 2).astype(np.float32)  # frames x bins


MEL128 = mel_filterbank(RATE, N_FFT, MELS, RATE / 2)
MEL96 = mel_filterbank(M_RATE, M_FFT, M_BANDS, M_RATE / 2)
FREQS = np.arange(N_FFT // 2 + 1) * RATE / N_FFT


def deltas(x, width=9):
    """librosa.feature.delta: a Savitzky-Golay first derivative over 9 frames, edges interpolated."""
    half = width // 2
    kernel = np.arange(-half, half + 1, dtype=np.float64)
    kernel /= np.sum(kernel ** 2)
    padded = np.pad(x, ((0, 0), (half, half)), mode="edge")
    return np.apply_along_axis(lambda row: np.convolve(row, kernel[::-1], mode="valid"), 1, padded)


def features(y):
    """128-band log-mel, 20 MFCCs and the summary vector (92 values), as SongFeatures computes them."""
    power = power_stft(y, N_FFT, HOP)
    mel = power @ MEL128.T
    log_mel = 10 * np.log10(np.maximum(mel, 1e-10))
    log_mel = np.maximum(log_mel, log_mel.max() - 80.0).T  # bands x frames
    mfcc = scipy.fft.dct(log_mel, axis=0, type=2, norm="ortho")[:MFCC]
    summary = [mfcc.mean(1), mfcc.std(1), deltas(mfcc).std(1)]

    magnitude = np.sqrt(power)
    total = magnitude.sum(1)
    centroid = magnitude @ FREQS / np.maximum(total, 1e-10)
    bandwidth = np.sqrt(np.sum(magnitude * (FREQS[None, :] - centroid[:, None]) ** 2, 1) / np.maximum(total, 1e-10))
    rolloff = FREQS[np.argmax(np.cumsum(magnitude, 1) >= 0.85 * total[:, None], axis=1)]
    floored = np.maximum(power, 1e-10)
    flatness = np.exp(np.mean(np.log(floored), 1)) / np.mean(floored, 1)
    summary.append(np.array([f(v) for v in (centroid, bandwidth, rolloff, flatness) for f in (np.mean, np.std)]))
    edges = [0] + [min(N_FFT // 2, round(200.0 * 2 ** (b - 1) * N_FFT / RATE)) for b in range(1, 7)] + [N_FFT // 2 + 1]
    contrast = []
    for b in range(7):
        band = magnitude[:, edges[b]:max(edges[b] + 1, edges[b + 1])]
        take = max(1, round(0.02 * band.shape[1]))
        ordered = np.partition(band, (take - 1, band.shape[1] - take), axis=1)
        peak, valley = ordered[:, -take:].mean(1), ordered[:, :take].mean(1)
        contrast.append(np.mean(10 * np.log10(np.maximum(peak, 1e-10)) - 10 * np.log10(np.maximum(valley, 1e-10))))
    summary.append(np.array(contrast))
    with np.errstate(divide="ignore"):
        pitch = np.where(FREQS < 27.5, -1, np.mod(np.round(12 * np.log2(np.maximum(FREQS, 1e-10) / 440.0)).astype(int) + 9, 12))
    classes = np.stack([power[:, pitch == p].sum(1) for p in range(12)], 1)
    summary.append((classes / np.maximum(classes.max(1, keepdims=True), 1e-30)).mean(0))

    padded = np.pad(y, N_FFT // 2)
    frames = np.lib.stride_tricks.sliding_window_view(padded, N_FFT)[::HOP][:log_mel.shape[1]]
    zcr = np.mean(np.abs(np.diff(np.signbit(frames), axis=1)), 1)
    rms = np.sqrt(np.mean(frames.astype(np.float64) ** 2, 1))
    summary.append(np.array([zcr.mean(), zcr.std(), rms.mean(), rms.std()]))

    onset = np.concatenate([[0.0], np.maximum(0, np.diff(log_mel, axis=1)).mean(0)])
    onset -= onset.mean()
    per_minute = 60.0 * RATE / HOP
    lags = np.arange(max(1, int(per_minute // 300)), min(len(onset) - 1, int(np.ceil(per_minute / 30))) + 1)
    correlation = scipy.signal.correlate(onset, onset, mode="full", method="fft")[len(onset) - 1:]
    bpm = per_minute / lags
    weighted = correlation[lags] / (len(onset) - lags) * np.exp(-0.5 * np.log2(bpm / 120.0) ** 2)
    summary.append([bpm[np.argmax(weighted)]])
    return log_mel, mfcc, np.concatenate(summary)


def musicnn_input(y16):
    power = power_stft(y16, M_FFT, M_HOP)
    mel = (power @ MEL96.T).astype(np.float16).astype(np.float32)
    return np.log10(10000 * mel + 1)


def networks(nets, patches, per_pass=2, max_first=False):
    with torch.no_grad():
        x = torch.from_numpy(patches).unsqueeze(1)
        return [musicnn.forward(net, x[first:first + per_pass], max_first)
                for net in nets for first in range(0, len(x), per_pass)]


def timed(step, runs=5):
    step()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def main():
    torch.set_num_threads(1)
    os.chdir(os.path.dirname(os.path.abspath(__file__)))
    musicnn.WEIGHTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), musicnn.WEIGHTS)
    nets = [musicnn.prepare(musicnn.load(name)) for name in ("MSD", "MTT")]
    print(f"PyTorch {torch.__version__}, numpy {np.__version__}, 1 thread")
    for path in sys.argv[1:] or ["target/song-bench/song.mp3", "target/song-bench/song.flac"]:
        y22, y16 = decode(path)
        patches_input = musicnn_input(y16)
        count = patches_input.shape[0] // PATCH
        patches = patches_input[:count * PATCH].reshape(count, PATCH, M_BANDS)
        steps = {
            "decode": lambda: decode(path),
            "features": lambda: features(y22),
            "musicnnFrontEnd": lambda: musicnn_input(y16),
            "networks": lambda: networks(nets, patches),
        }
        medians = {name: timed(step) for name, step in steps.items()}
        total = sum(medians.values())
        whole = timed(lambda: ffmpeg_soxr_whole(path))
        variants = {f"networks, {n} a pass{', max first' if first else ''}": timed(lambda n=n, first=first: networks(nets, patches, n, first))
                    for n, first in ((8, False), (2, True))}
        plain = np.concatenate([torch.cat(o, 1).numpy() for o in networks(nets, patches)])
        reordered = np.concatenate([torch.cat(o, 1).numpy() for o in networks(nets, patches, 2, True)])
        print(f"{path}: {len(y22) / RATE:.1f} s window, {count} patches")
        for name, seconds in medians.items():
            print(f"  {name:16s} {seconds * 1000:9.1f} ms  {100 * seconds / total:5.1f} %")
        print(f"  {'analysis':16s} {total * 1000:9.1f} ms  {3600 / total:7.0f} songs per hour per core")
        print(f"  {'ffmpegSoxrWhole':16s} {whole * 1000:9.1f} ms  (one ffmpeg + soxr call over the whole file)")
        for name, seconds in variants.items():
            print(f"  {name}: {seconds * 1000:.1f} ms")
        print(f"  max first against musicnn's order: largest difference {np.abs(plain - reordered).max():.1e}")


if __name__ == "__main__":
    main()
