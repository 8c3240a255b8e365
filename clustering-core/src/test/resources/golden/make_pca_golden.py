"""Golden PCA from scikit-learn 1.2.1 (Debian's python3-sklearn): /usr/bin/python3 make_pca_golden.py"""
import json
import numpy as np
import sklearn
from sklearn.decomposition import PCA

assert sklearn.__version__.startswith("1.2"), sklearn.__version__
rng = np.random.default_rng(11)
# Correlated 6-D data with distinct variances, so components are well defined.
x = rng.standard_normal((80, 6)) @ rng.standard_normal((6, 6)) + rng.standard_normal(6)
pca = PCA(n_components=3, svd_solver="full").fit(x)
json.dump({"sklearn": sklearn.__version__, "points": x.tolist(),
           "explained_variance_ratio": pca.explained_variance_ratio_.tolist(),
           "transformed": pca.transform(x).tolist()}, open("pca_golden.json", "w"), indent=1)
