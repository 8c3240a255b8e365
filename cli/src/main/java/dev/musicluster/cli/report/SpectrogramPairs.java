package dev.musicluster.cli.report;

import dev.musicluster.contracts.tensor.NpyArray;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import javax.imageio.ImageIO;

/**
 * Original and reconstructed log-mel spectrograms side by side, one row per song, low frequencies at the bottom.
 * Both panels of a row share the original's dB range, so a washed-out reconstruction looks washed out.
 */
final class SpectrogramPairs {

    private static final int SCALE = 2;
    private static final int GAP = 12;
    private static final int CAPTION = 20;

    private SpectrogramPairs() {
    }

    /** {@code pairs}: (songs, 2, mels, frames) in dB; {@code caption}: a song id to its caption. */
    static void write(Path png, String model, List<String> ids, NpyArray pairs, Function<String, String> caption) throws IOException {
        int songs = pairs.dim(0);
        int mels = pairs.dim(2);
        int frames = pairs.dim(3);
        int panelWidth = frames * SCALE;
        int panelHeight = mels * SCALE;
        int width = 2 * panelWidth + 3 * GAP;
        int height = CAPTION + songs * (panelHeight + CAPTION + GAP) + GAP;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(model + ": original (left) and reconstruction (right), log-mel dB", GAP, 15);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        float[] data = pairs.data();
        int panel = mels * frames;
        for (int s = 0; s < songs; s++) {
            int top = CAPTION + s * (panelHeight + CAPTION + GAP);
            g.setColor(Color.BLACK);
            g.drawString(caption.apply(ids.get(s)), GAP, top + 14);
            int original = (2 * s) * panel;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < panel; i++) {
                min = Math.min(min, data[original + i]);
                max = Math.max(max, data[original + i]);
            }
            double range = Math.max(max - min, 1e-6);
            for (int side = 0; side < 2; side++) {
                int offset = (2 * s + side) * panel;
                int left = GAP + side * (panelWidth + GAP);
                for (int m = 0; m < mels; m++) {
                    for (int f = 0; f < frames; f++) {
                        int rgb = Palette.ramp((data[offset + m * frames + f] - min) / range);
                        int y = top + CAPTION + (mels - 1 - m) * SCALE;
                        for (int dy = 0; dy < SCALE; dy++) {
                            for (int dx = 0; dx < SCALE; dx++) {
                                image.setRGB(left + f * SCALE + dx, y + dy, rgb);
                            }
                        }
                    }
                }
            }
        }
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }
}
