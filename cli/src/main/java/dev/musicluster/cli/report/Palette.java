package dev.musicluster.cli.report;

import java.awt.Color;

/** Category colours (Tableau 20, the colours of matplotlib's tab20), noise grey, and a dB colour ramp. */
final class Palette {

    private static final int[] TAB20 = {
        0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf,
        0xaec7e8, 0xffbb78, 0x98df8a, 0xff9896, 0xc5b0d5, 0xc49c94, 0xf7b6d2, 0xc7c7c7, 0xdbdb8d, 0x9edae5};

    /** Magma's colours at 0, 0.25, 0.5, 0.75 and 1, interpolated linearly between. */
    private static final int[] RAMP = {0x000004, 0x51127c, 0xb73779, 0xfc8961, 0xfcfdbf};

    static final Color NOISE = new Color(0xb0b0b0);

    private Palette() {
    }

    static Color category(int index) {
        return new Color(TAB20[Math.floorMod(index, TAB20.length)]);
    }

    /** The ramp's colour at {@code t} in [0, 1] (clamped). */
    static int ramp(double t) {
        double x = Math.max(0, Math.min(1, t)) * (RAMP.length - 1);
        int i = Math.min((int) x, RAMP.length - 2);
        double f = x - i;
        int a = RAMP[i];
        int b = RAMP[i + 1];
        int r = (int) Math.round(((a >> 16) & 0xff) * (1 - f) + ((b >> 16) & 0xff) * f);
        int g = (int) Math.round(((a >> 8) & 0xff) * (1 - f) + ((b >> 8) & 0xff) * f);
        int bl = (int) Math.round((a & 0xff) * (1 - f) + (b & 0xff) * f);
        return (r << 16) | (g << 8) | bl;
    }
}
