"""Writes the .npy fixtures that NpyFormatTest reads, with numpy's own writer.

Run from this folder:  python3 make_fixtures.py   (made with numpy 2.4.6; the header layout is
stable since numpy 1.24: 64-byte alignment and room to grow the first axis).
"""
import numpy as np

# float32 C-order matrix: our writer must produce these exact bytes.
np.save("matrix_3x4_f4.npy", (np.arange(12, dtype="<f4").reshape(3, 4) - 5.5) / 4)
# A log-mel sized matrix: header and alignment for a realistic shape.
rng = np.random.default_rng(7)
np.save("logmel_128x130_f4.npy", rng.standard_normal((128, 130)).astype("<f4"))
# float64 vector and a big-endian matrix: the reader converts both to float32.
np.save("vector_5_f8.npy", np.array([0.1, -2.5, 3e-8, 1e6, np.pi], dtype="<f8"))
np.save("matrix_2x2_big_endian.npy", np.array([[1.5, -2.0], [0.25, 8.0]], dtype=">f4"))
# A scalar and an empty array: shapes () and (0, 3).
np.save("scalar_f4.npy", np.array(42.0, dtype="<f4"))
np.save("empty_0x3_f4.npy", np.zeros((0, 3), dtype="<f4"))
