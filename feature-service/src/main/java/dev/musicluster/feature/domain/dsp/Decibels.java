package dev.musicluster.feature.domain.dsp;

/** Power to decibels as {@code librosa.power_to_db}: 10·log10(max(amin, S) / ref), then at most topDb below the peak. */
public final class Decibels {

    private Decibels() {
    }

    /** Converts in place; {@code ref} is 1.0 in our conventions. */
    public static void fromPower(double[] values, double ref, double amin, double topDb) {
        double offset = 10.0 * Math.log10(Math.max(amin, ref));
        double peak = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            values[i] = 10.0 * Math.log10(Math.max(amin, values[i])) - offset;
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
