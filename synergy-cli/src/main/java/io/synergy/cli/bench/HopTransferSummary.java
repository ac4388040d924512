package io.synergy.cli.bench;

import io.synergy.contracts.header.HopTransfer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hops measured directly in one mode's window ({@code synergy.hop.transfer}, docs/kafka-contract.md
 * "Hop timing"): from the bucket counts of the services' timers before and after the window, how many
 * hops there were and their p50/p95/p99 in host milliseconds, all kinds together and per kind
 * (dispatch, activation, outcome). Quantiles are bucket estimates (see {@link CumulativeHistogram}); NaN
 * without samples.
 */
public record HopTransferSummary(long samples, double p50Millis, double p95Millis, double p99Millis,
                                 Map<String, Quantiles> byKind) {

    /** The Prometheus name of the hop timer's buckets, without {@code _bucket}. */
    public static final String PROMETHEUS_NAME = HopTransfer.METER.replace('.', '_') + "_seconds";

    /** One kind's hops. */
    public record Quantiles(long samples, double p50Millis, double p95Millis, double p99Millis) {

        static Quantiles of(CumulativeHistogram histogram) {
            return new Quantiles(histogram.samples(), millis(histogram, 0.50), millis(histogram, 0.95),
                    millis(histogram, 0.99));
        }
    }

    /**
     * @param before per kind, the services' cumulative buckets when the window opened
     * @param after  per kind, the same when it closed
     */
    public static HopTransferSummary between(Map<String, CumulativeHistogram> before,
                                             Map<String, CumulativeHistogram> after) {
        Map<String, Quantiles> byKind = new LinkedHashMap<>();
        CumulativeHistogram all = CumulativeHistogram.EMPTY;
        for (Map.Entry<String, CumulativeHistogram> kind : after.entrySet()) {
            CumulativeHistogram delta = kind.getValue().minus(before.getOrDefault(kind.getKey(), CumulativeHistogram.EMPTY));
            byKind.put(kind.getKey(), Quantiles.of(delta));
            all = all.plus(delta);
        }
        Quantiles overall = Quantiles.of(all);
        return new HopTransferSummary(overall.samples(), overall.p50Millis(), overall.p95Millis(), overall.p99Millis(),
                byKind);
    }

    private static double millis(CumulativeHistogram histogram, double q) {
        return histogram.quantileSeconds(q) * 1000;
    }
}
