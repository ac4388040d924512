package io.synergy.cli.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The PNG of a soak run, five charts over the run's minutes: host throughput (device events marked:
 * red a loss, green a rejoin), latency percentiles, each service's heap in use, its heap live after
 * the last collection, and its live threads.
 */
public final class SoakPlot {

    private static final int WIDTH = 1100;
    private static final int HEIGHT_EACH = 380;

    private SoakPlot() {
    }

    public static void write(SoakReport report, Path png) {
        System.setProperty("java.awt.headless", "true");
        List<SoakReport.Sample> samples = report.samples();
        XYSeriesCollection throughput = new XYSeriesCollection();
        throughput.addSeries(series("completions / s (host)", samples, SoakReport.Sample::hostInferencesPerSecond));
        XYSeriesCollection latency = new XYSeriesCollection();
        latency.addSeries(series("p50", samples, SoakReport.Sample::p50Millis));
        latency.addSeries(series("p95", samples, SoakReport.Sample::p95Millis));
        latency.addSeries(series("p99", samples, SoakReport.Sample::p99Millis));
        XYSeriesCollection heap = perService(samples, SoakReport.Sample::heapMb);
        XYSeriesCollection liveHeap = perService(samples, SoakReport.Sample::liveHeapMb);
        XYSeriesCollection threads = perService(samples, SoakReport.Sample::threads);

        JFreeChart[] charts = {
            ChartFactory.createXYLineChart(String.format(java.util.Locale.ROOT,
                    "Throughput, all apps (time scale %.3g; red: device out, green: rejoined)", report.timeScale()),
                    "minutes", "inferences / s (host)", throughput, PlotOrientation.VERTICAL, true, false, false),
            ChartFactory.createXYLineChart("End-to-end latency per interval (host)", "minutes", "ms (host)", latency,
                    PlotOrientation.VERTICAL, true, false, false),
            ChartFactory.createXYLineChart("Heap in use per service", "minutes", "MB", heap,
                    PlotOrientation.VERTICAL, true, false, false),
            ChartFactory.createXYLineChart("Heap live after the last collection per service (jvm.gc.live.data.size)",
                    "minutes", "MB", liveHeap, PlotOrientation.VERTICAL, true, false, false),
            ChartFactory.createXYLineChart("Live threads per service", "minutes", "threads", threads,
                    PlotOrientation.VERTICAL, true, false, false)};
        for (SoakReport.DeviceEvent event : report.events()) {
            if (event.error() == null) {
                ValueMarker marker = new ValueMarker(event.atSeconds() / 60.0,
                        "join".equals(event.kind()) ? new Color(0, 150, 0) : Color.RED, new BasicStroke(1f));
                charts[0].getXYPlot().addDomainMarker(marker);
            }
        }
        BufferedImage image = new BufferedImage(WIDTH, charts.length * HEIGHT_EACH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, charts.length * HEIGHT_EACH);
            for (int k = 0; k < charts.length; k++) {
                charts[k].draw(g, new Rectangle2D.Double(0, k * HEIGHT_EACH, WIDTH, HEIGHT_EACH));
            }
        } finally {
            g.dispose();
        }
        try {
            ImageIO.write(image, "png", png.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + png, e);
        }
    }

    private static XYSeries series(String name, List<SoakReport.Sample> samples,
                                   java.util.function.ToDoubleFunction<SoakReport.Sample> value) {
        XYSeries series = new XYSeries(name);
        for (SoakReport.Sample sample : samples) {
            double y = value.applyAsDouble(sample);
            if (!Double.isNaN(y)) {
                series.add(sample.atSeconds() / 60.0, y);
            }
        }
        return series;
    }

    private static XYSeriesCollection perService(List<SoakReport.Sample> samples,
                                                 Function<SoakReport.Sample, Map<String, Double>> values) {
        XYSeriesCollection collection = new XYSeriesCollection();
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        samples.forEach(s -> names.addAll(values.apply(s).keySet()));
        for (String name : names) {
            collection.addSeries(series(name, samples, s -> values.apply(s).getOrDefault(name, Double.NaN)));
        }
        return collection;
    }
}
