#!/usr/bin/python3
"""Times scikit-learn on the arrays ClusteringBenchmark wrote, for the side-by-side in docs/performance.md.

KMeans(k=10, init='k-means++', n_init=10), silhouette_score exact and with sample_size=10000; the median of 3 runs.
Run from benchmarks/ after `java -jar target/benchmarks.jar ClusteringBenchmark`; arguments like 100000x400 pick the
arrays (default: all four).
"""
import os
import sys
import time

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score


def timed(call, repeats=3):
    times, value = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        value = call()
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2] * 1000, value


def main():
    print(f"scikit-learn {sklearn.__version__}, numpy {np.__version__}")
    sizes = [a.split("x") for a in (sys.argv[1:] or ["10000x32", "100000x32", "10000x400", "100000x400"])]
    for n, d in ((int(a), int(b)) for a, b in sizes):
        path = f"target/clustering-bench/latents-{n}x{d}.npy"
        if not os.path.exists(path):
            print(f"n={n} d={d}: {path} missing (run ClusteringBenchmark with these parameters first)")
            continue
        x = np.load(path).astype(np.float64)
        labels = np.load(f"target/clustering-bench/labels-{n}x{d}.npy").astype(np.int64)
        ms, model = timed(lambda: KMeans(n_clusters=10, init="k-means++", n_init=10, random_state=42).fit(x))
        print(f"n={n:>6} d={d:>3} kmeans            {ms:10.1f} ms  inertia {model.inertia_:.6f}")
        if d != 32:
            continue
        ms, exact = timed(lambda: silhouette_score(x, labels), repeats=1 if n > 50000 else 3)
        print(f"n={n:>6} d={d:>3} silhouetteExact   {ms:10.1f} ms  value {exact:.6f}")
        ms, sampled = timed(lambda: silhouette_score(x, labels, sample_size=10000, random_state=7))
        print(f"n={n:>6} d={d:>3} silhouetteSampled {ms:10.1f} ms  value {sampled:.6f} (error {sampled - exact:+.6f})")


if __name__ == "__main__":
    main()
