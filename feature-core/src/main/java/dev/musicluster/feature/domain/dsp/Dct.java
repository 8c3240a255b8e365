package dev.musicluster.feature.domain.dsp;

/** The first coefficients of the orthonormal DCT-II (scipy's {@code dct(type=2, norm="ortho")}), by a fixed matrix. */
public final class Dct {

    private final double[][] basis;

    public Dct(int inputs, int outputs) {
        this.basis = new double[outputs][inputs];
        for (int k = 0; k < outputs; k++) {
            double scale = Math.sqrt((k == 0 ? 1.0 : 2.0) / inputs);
            for (int n = 0; n < inputs; n++) {
                basis[k][n] = scale * Math.cos(Math.PI * k * (2 * n + 1) / (2.0 * inputs));
            }
        }
    }

    public int outputs() {
        return basis.length;
    }

    /** out[k] = Σ_n basis[k][n] · x[offset + n] for the {@code inputs} values from {@code offset}. */
    public void apply(double[] x, int offset, double[] out) {
        for (int k = 0; k < basis.length; k++) {
            out[k] = Dot.of(basis[k], x, offset);
        }
    }
}
