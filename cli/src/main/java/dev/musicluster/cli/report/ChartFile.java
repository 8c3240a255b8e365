package dev.musicluster.cli.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.Plot;

/** A plot as a PNG in the report's one look: white background, a 14-point title. */
final class ChartFile {

    private ChartFile() {
    }

    static void save(Path png, String title, Plot plot, boolean legend, int width, int height) throws IOException {
        plot.setBackgroundPaint(Color.WHITE);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT.deriveFont(14f), plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, width, height);
    }
}
