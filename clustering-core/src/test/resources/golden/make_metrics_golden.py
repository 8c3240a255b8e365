"""Golden values for the clustering metrics, from scikit-learn 1.2.1 itself.

Run from this folder with Debian's scikit-learn (apt-get install python3-sklearn, which is 1.2.1 on bookworm):
    /usr/bin/python3 make_metrics_golden.py
Writes metrics_golden.json: the inputs and every metric's value, printed with full double precision.
Purity has no scikit-learn function; it is computed from scikit-learn's contingency matrix.
"""
import json
import numpy as np
import sklearn
from sklearn import metrics
from sklearn.datasets import make_blobs

assert sklearn.__version__.startswith("1.2"), sklearn.__version__
rng = np.random.default_rng(2026)


def labelings():
    yield "random-3-classes-4-clusters", rng.integers(0, 3, 60), rng.integers(0, 4, 60)
    truth = np.repeat([0, 1, 2, 3], [30, 10, 5, 2])
    noisy = truth.copy()
    flip = rng.choice(len(truth), 9, replace=False)
    noisy[flip] = rng.integers(0, 5, 9)
    yield "imbalanced-with-noise", truth, noisy
    yield "perfect-but-renamed", truth, (truth + 7) * 3
    yield "one-cluster", truth, np.zeros_like(truth)
    yield "all-singletons", np.arange(12) % 3, np.arange(12)
    yield "split-classes", np.repeat([0, 1], 20), np.repeat([0, 1, 2, 3], 10)


def external(classes, clusters):
    contingency = metrics.cluster.contingency_matrix(classes, clusters)
    return {
        "ari": metrics.adjusted_rand_score(classes, clusters),
        "nmi": metrics.normalized_mutual_info_score(classes, clusters),
        "ami": metrics.adjusted_mutual_info_score(classes, clusters),
        "homogeneity": metrics.homogeneity_score(classes, clusters),
        "completeness": metrics.completeness_score(classes, clusters),
        "v_measure": metrics.v_measure_score(classes, clusters),
        "purity": float(contingency.max(axis=0).sum() / contingency.sum()),
    }


def point_sets():
    x, y = make_blobs(n_samples=45, centers=3, n_features=2, random_state=7)
    yield "three-blobs-2d", x, y
    yield "three-blobs-2d-bad-partition", x, (y + (np.arange(45) % 2)) % 3
    x5 = rng.standard_normal((40, 5))
    yield "gaussian-5d-4-clusters", x5, rng.integers(0, 4, 40)


def internal(x, labels):
    return {
        "silhouette": metrics.silhouette_score(x, labels, metric="euclidean"),
        "calinski_harabasz": metrics.calinski_harabasz_score(x, labels),
        "davies_bouldin": metrics.davies_bouldin_score(x, labels),
    }


golden = {
    "sklearn": sklearn.__version__,
    "external": [{"name": n, "classes": c.tolist(), "clusters": k.tolist(), "values": external(c, k)}
                 for n, c, k in labelings()],
    "internal": [{"name": n, "points": x.tolist(), "clusters": y.tolist(), "values": internal(x, y)}
                 for n, x, y in point_sets()],
}
with open("metrics_golden.json", "w") as out:
    json.dump(golden, out, indent=1)
