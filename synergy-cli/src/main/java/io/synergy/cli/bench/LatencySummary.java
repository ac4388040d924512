package io.synergy.cli.bench;

import java.util.Arrays;

/**
 * Latency percentiles of one app in one mode, in host milliseconds, by the nearest-rank method (the
 * q-quantile of n sorted samples is the ceil(q n)-th). NaN when there were no samples.
 */
public record LatencySummary(int samples, double minMillis, double p50Millis, double p95Millis, double p99Millis) {

    public static LatencySummary of(long[] latencyNanos) {
        long[] sorted = latencyNanos.clone();
        Arrays.sort(sorted);
        return new LatencySummary(sorted.length, rank(sorted, 0), rank(sorted, 0.50), rank(sorted, 0.95),
                rank(sorted, 0.99));
    }

    /** The nearest-rank q-quantile in milliseconds; q = 0 is the minimum. */
    static double rank(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
        return sorted[index] / 1e6;
    }
}
