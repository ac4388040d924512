package io.synergy.cli.bench;

import java.util.Arrays;
import java.util.List;

/**
 * A quantity sampled over a long run, summarised as start, end and maximum. Start and end are the
 * medians of the first and last tenth of the samples (at least one each), so one garbage collection
 * or one burst of threads at a sample does not make a flat series look like a trend. Samples that
 * are NaN (the service did not answer) are left out. All NaN when there is no sample.
 */
public record Trend(double start, double end, double max) {

    public static Trend of(List<Double> samples) {
        double[] values = samples.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).toArray();
        if (values.length == 0) {
            return new Trend(Double.NaN, Double.NaN, Double.NaN);
        }
        int tenth = Math.max(1, values.length / 10);
        return new Trend(median(Arrays.copyOfRange(values, 0, tenth)),
                median(Arrays.copyOfRange(values, values.length - tenth, values.length)),
                Arrays.stream(values).max().orElseThrow());
    }

    /** end / start: 1.0 is perfectly flat. */
    public double endToStart() {
        return end / start;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
