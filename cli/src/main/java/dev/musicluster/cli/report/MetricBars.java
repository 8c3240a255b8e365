package dev.musicluster.cli.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** One metric of every representation (models and baselines) side by side, a bar per algorithm. */
final class MetricBars {

    private MetricBars() {
    }

    /**
     * Writes the bars of {@code metric} for the rows of one label column (or the label-free rows when {@code label} is
     * empty); returns false, writing nothing, when no row has a value.
     */
    static boolean write(Path png, String metric, String label, List<Map<String, String>> rows) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Set<String> algorithms = new LinkedHashSet<>();
        for (Map<String, String> row : rows) {
            if (!row.getOrDefault("label", "").equals(label)) {
                continue;
            }
            double value = RunResults.number(row.get(metric));
            if (Double.isFinite(value)) {
                data.addValue(value, row.get("algorithm"), row.get("representation"));
                algorithms.add(row.get("algorithm"));
            }
        }
        if (algorithms.isEmpty()) {
            return false;
        }
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.02);
        int i = 0;
        for (String ignored : algorithms) {
            renderer.setSeriesPaint(i, Palette.category(i));
            i++;
        }
        CategoryAxis representations = new CategoryAxis("representation");
        representations.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        CategoryPlot plot = new CategoryPlot(data, representations, new NumberAxis(metric.toUpperCase(java.util.Locale.ROOT)), renderer);
        plot.setRangeGridlinePaint(new Color(0xd0d0d0));
        String title = label.isEmpty() ? metric + " (no labels)" : metric.toUpperCase(java.util.Locale.ROOT) + " against " + label;
        ChartFile.save(png, title, plot, true, 900, 480);
        return true;
    }
}
