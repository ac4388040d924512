package io.synergy.cli.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The PNG of a bench run: above, fleet throughput per app per mode; below, host latency percentiles
 * (p50, p95, p99) per app per mode.
 */
public final class BenchPlot {

    private static final int WIDTH = 1000;
    private static final int HEIGHT_EACH = 450;

    private BenchPlot() {
    }

    public static void write(BenchE2eReport report, Path png) {
        System.setProperty("java.awt.headless", "true");
        DefaultCategoryDataset throughput = new DefaultCategoryDataset();
        DefaultCategoryDataset latency = new DefaultCategoryDataset();
        for (BenchE2eReport.ModeResult mode : report.modes()) {
            for (BenchE2eReport.AppResult app : mode.apps()) {
                throughput.addValue(app.fleetInferencesPerSecond(), mode.mode(), app.appId());
                throughput.addValue(app.plannedInferencesPerSecond(), "planned", app.appId());
                LatencySummary l = app.latencyHostMillis();
                latency.addValue(l.p50Millis(), mode.mode() + " p50", app.appId());
                latency.addValue(l.p95Millis(), mode.mode() + " p95", app.appId());
                latency.addValue(l.p99Millis(), mode.mode() + " p99", app.appId());
            }
        }
        JFreeChart top = ChartFactory.createBarChart(String.format(java.util.Locale.ROOT,
                        "Throughput per app (fleet time, time scale %.3g)", report.timeScale()), "app",
                "inferences / s (fleet)", throughput, PlotOrientation.VERTICAL, true, false, false);
        JFreeChart bottom = ChartFactory.createBarChart("End-to-end latency per app (host time)", "app",
                "ms (host)", latency, PlotOrientation.VERTICAL, true, false, false);
        BufferedImage image = new BufferedImage(WIDTH, 2 * HEIGHT_EACH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, 2 * HEIGHT_EACH);
            top.draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, WIDTH, HEIGHT_EACH));
            bottom.draw(g, new java.awt.geom.Rectangle2D.Double(0, HEIGHT_EACH, WIDTH, HEIGHT_EACH));
        } finally {
            g.dispose();
        }
        try {
            ImageIO.write(image, "png", png.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + png, e);
        }
    }
}
