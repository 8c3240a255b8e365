#!/usr/bin/python3
"""musicnn in PyTorch from Python, on the patches MusicnnBenchmark wrote: the reference for docs/performance.md.

The same networks as feature-service's MusicnnNetwork (the specification in docs/musicnn.md), built with
torch.nn.functional from the .h5 weights read by h5py, run on the same 20 patches (60 s of audio) with 1 and 2
threads; the median of 7 runs after 2 warm-ups. Prints the time per patch and per second of audio, and the largest
difference from the outputs the Java code wrote, so the two are known to compute the same thing.
Run from benchmarks/ after `java -jar target/benchmarks.jar MusicnnBenchmark`.
"""
import sys
import time

import h5py
import numpy as np
import torch
import torch.nn.functional as F

WEIGHTS = "../feature-core/src/main/resources/musicnn/{}_musicnn.h5"
SECONDS_PER_PATCH = 187 * 256 / 16000


def load(network):
    tensors = {}
    with h5py.File(WEIGHTS.format(network), "r") as f:
        def visit(name, node):
            if isinstance(node, h5py.Dataset):
                layer = name.split("/")[0]
                role = name.split("/")[-1].split(":")[0]
                role = role[:-2] if role.endswith("_1") else role
                tensors[f"{layer}/{role}"] = torch.from_numpy(np.array(node))
        f["model_weights"].visititems(visit)
    return tensors


def batch_norm(w, layer, shape):
    scale = w[f"{layer}/gamma"] / torch.sqrt(w[f"{layer}/moving_variance"] + 1e-3)
    shift = w[f"{layer}/beta"] - w[f"{layer}/moving_mean"] * scale
    return scale.reshape(shape), shift.reshape(shape)


def prepare(w):
    p = {"input": batch_norm(w, "batch_normalization", (1, 1, 1, 1))}
    for conv, norm in [("conv2d", "batch_normalization_1"), ("conv2d_1", "batch_normalization_2"),
                       ("conv2d_2", "batch_normalization_3"), ("conv2d_3", "batch_normalization_4"),
                       ("conv2d_4", "batch_normalization_5")]:
        p[conv] = (w[f"{conv}/kernel"].permute(3, 2, 0, 1).contiguous(), w[f"{conv}/bias"],
                   batch_norm(w, norm, (1, -1, 1, 1)))
    for i in (1, 2, 3):
        p[f"mid{i}"] = (w[f"midend_conv{i}/kernel"].permute(3, 2, 0, 1).contiguous(), w[f"midend_conv{i}/bias"],
                        batch_norm(w, f"bn_midend_conv{i}", (1, 1, -1)))
    p["flat"] = batch_norm(w, "bn_flatpool", (1, -1))
    p["dense"] = (w["dense/kernel"], w["dense/bias"])
    p["bn_dense"] = batch_norm(w, "bn_dense", (1, -1))
    p["tags"] = (w["dense_1/kernel"], w["dense_1/bias"])
    return p


def forward(p, x, max_first=False):
    """max_first: the maximum over frequency taken before ReLU and batch norm, as MusicnnNetwork does (same values)."""
    scale, shift = p["input"]
    x = x * scale + shift
    front = []
    for conv, padding, drop in [("conv2d", (3, 0), False), ("conv2d_1", (3, 0), False), ("conv2d_2", (64, 0), True),
                                ("conv2d_3", (32, 0), True), ("conv2d_4", (16, 0), True)]:
        weight, bias, (s, t) = p[conv]
        if max_first:
            sign = torch.where(s < 0, -1.0, 1.0)
            y = F.conv2d(x, weight * sign.reshape(-1, 1, 1, 1), bias * sign.reshape(-1), padding=padding).amax(dim=3)
            y = y[:, :, 1:] if drop else y
            front.append(F.relu(y * sign[..., 0]) * s[..., 0] + t[..., 0])
            continue
        y = F.conv2d(x, weight, bias, padding=padding)
        if drop:
            y = y[:, :, 1:, :]
        front.append((F.relu(y) * s + t).amax(dim=3))
    e = torch.cat(front, 1).transpose(1, 2)
    layers = [e]
    for i in (1, 2, 3):
        weight, bias, (s, t) = p[f"mid{i}"]
        previous = layers[-1]
        y = F.conv2d(previous.unsqueeze(1), weight, bias, padding=(3, 0)).squeeze(3).transpose(1, 2)
        y = F.relu(y) * s + t
        layers.append(y if i == 1 else y + previous)
    everything = torch.cat(layers, 2)
    pooled = torch.stack([everything.amax(dim=1), everything.mean(dim=1)], 2).reshape(x.shape[0], -1)
    s, t = p["flat"]
    kernel, bias = p["dense"]
    embedding = (pooled * s + t) @ kernel + bias
    s, t = p["bn_dense"]
    kernel, bias = p["tags"]
    return embedding, torch.sigmoid((F.relu(embedding) * s + t) @ kernel + bias)


def main():
    print(f"PyTorch {torch.__version__}, numpy {np.__version__}")
    patches = torch.from_numpy(np.load("target/musicnn-bench/patches.npy")).unsqueeze(1)
    count = patches.shape[0]
    networks = {name: prepare(load(name)) for name in ("MSD", "MTT")}
    with torch.no_grad():
        java = np.load("target/musicnn-bench/outputs.npy")
        ours = np.concatenate([torch.cat(forward(networks[n], patches), 1).numpy() for n in ("MSD", "MTT")], 1)
        print(f"largest difference from the Java outputs: {np.abs(ours - java).max():.2e}")
        for threads in (int(a) for a in (sys.argv[1:] or ["1", "2"])):
            torch.set_num_threads(threads)
            times = []
            for run in range(9):
                start = time.perf_counter()
                for network in networks.values():
                    for first in range(0, count, 8):
                        forward(network, patches[first:first + 8])
                if run >= 2:
                    times.append(time.perf_counter() - start)
            median = sorted(times)[len(times) // 2]
            print(f"threads={threads} both networks, {count} patches: {median * 1000:8.1f} ms, "
                  f"{median * 1000 / (count * SECONDS_PER_PATCH):6.2f} ms per second of audio")


if __name__ == "__main__":
    main()
