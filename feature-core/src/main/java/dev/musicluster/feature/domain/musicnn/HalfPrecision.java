package dev.musicluster.feature.domain.musicnn;

/**
 * Rounds a float to the nearest IEEE half-precision value (11-bit significand, ties to even), as musicnn's front end
 * does before its logarithm: the networks were trained on mel values that had passed through float16. Java 17 has
 * no float16 conversion of its own.
 */
public final class HalfPrecision {

    /** The largest finite half-precision value. */
    public static final float MAX = 65504f;
    private static final float MIN_NORMAL = 0x1p-14f;
    private static final double SUBNORMAL_STEPS = 0x1p24;

    private HalfPrecision() {
    }

    public static float round(float x) {
        if (Float.isNaN(x) || Float.isInfinite(x)) {
            return x;
        }
        float magnitude = Math.abs(x);
        if (magnitude < MIN_NORMAL) {
            // Below the smallest normal the spacing is fixed at 2^-24; rint rounds ties to even.
            return (float) (Math.rint(x * SUBNORMAL_STEPS) / SUBNORMAL_STEPS);
        }
        int bits = Float.floatToRawIntBits(x);
        int lowest = (bits >> 13) & 1;
        bits = (bits + 0x0FFF + lowest) & ~0x1FFF;
        float rounded = Float.intBitsToFloat(bits);
        return Math.abs(rounded) > MAX ? Math.copySign(Float.POSITIVE_INFINITY, x) : rounded;
    }
}
