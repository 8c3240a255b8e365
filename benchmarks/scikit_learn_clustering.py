#!/usr/bin/python3
"""Times scikit-learn on the arrays ClusteringBenchmark wrote, for the side-by-side in docs/performance.md.

KMeans(k=10, init='k-means++', n_init=10), silhouette_score exact and with sample_size=10000; the median of 3 runs.
Run from benchmarks/ after `java -jar target/benchmarks.jar ClusteringBenchmark`.
"""
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
    for n in (int(a) for a in (sys.argv[1:] or ["10000", "100000"])):
        x = np.load(f"target/clustering-bench/latents-{n}.npy").astype(np.float64)
        labels = np.load(f"target/clustering-bench/labels-{n}.npy").astype(np.int64)
        ms, _ = timed(lambda: KMeans(n_clusters=10, init="k-means++", n_init=10, random_state=42).fit(x))
        print(f"n={n:>6} kmeans            {ms:10.1f} ms")
        ms, exact = timed(lambda: silhouette_score(x, labels), repeats=1 if n > 50000 else 3)
        print(f"n={n:>6} silhouetteExact   {ms:10.1f} ms  value {exact:.6f}")
        ms, sampled = timed(lambda: silhouette_score(x, labels, sample_size=10000, random_state=7))
        print(f"n={n:>6} silhouetteSampled {ms:10.1f} ms  value {sampled:.6f} (error {sampled - exact:+.6f})")


if __name__ == "__main__":
    main()
