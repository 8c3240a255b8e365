"""Golden diagonal Gaussian mixture from scikit-learn 1.2.1 (Debian's python3-sklearn): /usr/bin/python3 make_gmm_golden.py"""
import json
import numpy as np
import sklearn
from sklearn.mixture import GaussianMixture

assert sklearn.__version__.startswith("1.2"), sklearn.__version__
rng = np.random.default_rng(5)
# Three clusters with a different spread in every dimension, so the diagonal variances are well defined.
centres = np.array([[0, 0, 0, 0], [6, -4, 2, 8], [-7, 5, 9, -3]])
scales = np.array([[1, 0.5, 2, 1], [0.7, 1.2, 0.4, 2], [1.5, 1, 1, 0.6]])
cluster = np.arange(600) % 3
x = centres[cluster] + scales[cluster] * rng.standard_normal((600, 4))
gmm = GaussianMixture(3, covariance_type="diag", reg_covar=1e-6, tol=1e-12, max_iter=1000, random_state=0).fit(x)
order = np.argsort(gmm.means_[:, 0])
json.dump({"sklearn": sklearn.__version__, "points": x.tolist(), "bic": gmm.bic(x),
           "weights": gmm.weights_[order].tolist(), "means": gmm.means_[order].tolist(),
           "variances": gmm.covariances_[order].tolist()}, open("gmm_golden.json", "w"), indent=1)
