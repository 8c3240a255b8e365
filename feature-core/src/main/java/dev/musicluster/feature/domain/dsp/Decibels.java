package dev.musicluster.feature.domain.dsp;

/** Power to decibels as {@code librosa.power_to_db}: 10·log10(max(amin, S) / ref), then at most topDb below the peak. */
public final class Decibels {

    /** 10 / ln 10: 10·log10(x) through the natural logarithm, which the JIT compiles to a faster intrinsic. */
    private static final double TEN_OVER_LN10 = 10.0 / Math.log(10.0);

    private Decibels() {
    }

    /** Converts in place; {@code ref} is 1.0 in our conventions. */
    public static void fromPower(double[] values, double ref, double amin, double topDb) {
        double offset = TEN_OVER_LN10 * Math.log(Math.max(amin, ref));
        double peak = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            values[i] = TEN_OVER_LN10 * Math.log(Math.max(amin, values[i])) - offset;
            peak = Math.max(peak, values[i]);
        }
        if (topDb > 0) {
            double floor = peak - topDb;
            for (int i = 0; i < values.length; i++) {
                values[i] = Math.max(values[i], floor);
            }
        }
    }
}
