package dev.musicluster.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** One model's training curve: loss and reconstruction error per epoch, the KL divergence on its own axis. */
final class TrainingCurves {

    private TrainingCurves() {
    }

    static void write(Path png, String model, List<RunResults.Epoch> history) throws IOException {
        XYSeries loss = new XYSeries("loss");
        XYSeries reconstruction = new XYSeries("reconstruction");
        XYSeries kl = new XYSeries("KL divergence");
        for (RunResults.Epoch e : history) {
            loss.add(e.epoch(), e.loss());
            reconstruction.add(e.epoch(), e.reconstruction());
            kl.add(e.epoch(), e.kl());
        }
        XYSeriesCollection left = new XYSeriesCollection();
        left.addSeries(loss);
        left.addSeries(reconstruction);
        NumberAxis epochs = new NumberAxis("epoch");
        epochs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(left, epochs, new NumberAxis("loss per value"), renderer(Palette.category(0), Palette.category(1)));
        plot.setDataset(1, new XYSeriesCollection(kl));
        NumberAxis klAxis = new NumberAxis("KL divergence");
        klAxis.setAutoRangeIncludesZero(true);
        plot.setRangeAxis(1, klAxis);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, renderer(Palette.category(2)));
        plot.setDomainGridlinePaint(new Color(0xe0e0e0));
        plot.setRangeGridlinePaint(new Color(0xe0e0e0));
        ChartFile.save(png, model + ": training", plot, true, 560, 360);
    }

    private static XYLineAndShapeRenderer renderer(Color... colours) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < colours.length; i++) {
            renderer.setSeriesPaint(i, colours[i]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        return renderer;
    }
}
