package dev.musicluster.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** A two-dimensional map of songs, one colour per category (a cluster, a language, a genre), as a PNG. */
final class CategoryScatter {

    static final int WIDTH = 640;
    static final int HEIGHT = 520;

    /** A song's place and the category it is coloured by ({@code null}: unlabelled). */
    record Point(double x, double y, String category) {
    }

    private CategoryScatter() {
    }

    /**
     * Writes the plot; categories are ordered by size, the largest first; "noise" and unlabelled songs are grey.
     * Returns the number of points drawn.
     */
    static int write(Path png, String title, String axisName, List<Point> points) throws IOException {
        Map<String, List<Point>> byCategory = new LinkedHashMap<>();
        for (Point point : points) {
            byCategory.computeIfAbsent(point.category() == null ? "(none)" : point.category(), c -> new ArrayList<>()).add(point);
        }
        List<String> categories = new ArrayList<>(byCategory.keySet());
        categories.sort(Comparator.comparing((String c) -> grey(c) ? 1 : 0).thenComparing(c -> -byCategory.get(c).size())
                .thenComparing(Comparator.naturalOrder()));
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        int colour = 0;
        for (String category : categories) {
            XYSeries series = new XYSeries(category + " (" + byCategory.get(category).size() + ")", false, true);
            byCategory.get(category).forEach(p -> series.add(p.x(), p.y()));
            int index = data.getSeriesCount();
            data.addSeries(series);
            renderer.setSeriesPaint(index, grey(category) ? Palette.NOISE : Palette.category(colour++));
            renderer.setSeriesShape(index, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
            renderer.setSeriesOutlineStroke(index, new BasicStroke(0.5f));
        }
        XYPlot plot = new XYPlot(data, axis(axisName + " 1"), axis(axisName + " 2"), renderer);
        plot.setDomainGridlinePaint(new Color(0xe0e0e0));
        plot.setRangeGridlinePaint(new Color(0xe0e0e0));
        ChartFile.save(png, title, plot, categories.size() <= 24, WIDTH, HEIGHT);
        return points.size();
    }

    private static boolean grey(String category) {
        return category.equals("noise") || category.equals("(none)");
    }

    private static NumberAxis axis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        axis.setTickLabelsVisible(false);
        return axis;
    }
}
