package io.synergy.cli;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The comparison as PNG charts: {@code planners.png}, Synergy's mean ratio to each baseline (log scale);
 * {@code planners-by-scenario.png}, every planner's joint throughput per scenario (log scale; a zero,
 * an unplaced app, is drawn at the axis floor).
 */
final class ComparisonChart {

    private ComparisonChart() {
    }

    static void write(List<PlannerComparison.Row> rows, Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        DefaultCategoryDataset ratios = new DefaultCategoryDataset();
        for (String b : PlannerComparison.baselines()) {
            PlannerComparison.Ratios r = PlannerComparison.ratios(rows, List.of(b));
            ratios.addValue(positive(r.ratioOfMeans()), "ratio of means", b);
            ratios.addValue(positive(r.geometricMean()), "geometric mean ratio", b);
        }
        PlannerComparison.Ratios all = PlannerComparison.ratios(rows, PlannerComparison.baselines());
        ratios.addValue(positive(all.ratioOfMeans()), "ratio of means", "all");
        ratios.addValue(positive(all.geometricMean()), "geometric mean ratio", "all");
        JFreeChart ratioChart = ChartFactory.createBarChart("Synergy's throughput over each baseline (scenario suite)",
                "baseline", "Synergy / baseline (log)", ratios, PlotOrientation.VERTICAL, true, false, false);
        logAxis(ratioChart, "Synergy / baseline (log)", 0.8);
        ((CategoryPlot) ratioChart.getPlot()).getDomainAxis().setMaximumCategoryLabelWidthRatio(1.5f);
        ChartUtils.saveChartAsPNG(dir.resolve("planners.png").toFile(), ratioChart, 1200, 600);

        DefaultCategoryDataset throughput = new DefaultCategoryDataset();
        for (PlannerComparison.Row r : rows) {
            for (var e : r.throughput().entrySet()) {
                throughput.addValue(Math.max(e.getValue(), 1e-3), e.getKey(), r.scenario().name());
            }
        }
        JFreeChart byScenario = ChartFactory.createBarChart("Joint throughput per scenario and planner",
                "scenario", "inferences/s per app, all apps together (log)", throughput, PlotOrientation.VERTICAL,
                true, false, false);
        logAxis(byScenario, "inferences/s per app, all apps together (log)", 1e-3);
        ((CategoryPlot) byScenario.getPlot()).getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        ChartUtils.saveChartAsPNG(dir.resolve("planners-by-scenario.png").toFile(), byScenario, 2000, 800);
    }

    private static double positive(double v) {
        return Double.isFinite(v) && v > 0 ? v : 1;
    }

    private static void logAxis(JFreeChart chart, String label, double floor) {
        CategoryPlot plot = (CategoryPlot) chart.getPlot();
        LogAxis axis = new LogAxis(label);
        axis.setSmallestValue(floor);
        axis.setLowerBound(floor);
        plot.setRangeAxis(axis);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    }
}
