package io.synergy.cli.bench;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A histogram as Prometheus publishes one: for each bucket's upper bound {@code le} (seconds, the
 * last one +Inf), how many samples were at most that. Deltas of two scrapes give the samples between
 * them; quantiles are estimated the way Prometheus' {@code histogram_quantile} does.
 *
 * @param cumulative upper bound in seconds to cumulative count; must hold +Inf (the total)
 */
public record CumulativeHistogram(NavigableMap<Double, Long> cumulative) {

    /** A histogram without samples and without buckets beyond +Inf. */
    public static final CumulativeHistogram EMPTY = new CumulativeHistogram(new TreeMap<>(Map.of(Double.POSITIVE_INFINITY, 0L)));

    public CumulativeHistogram {
        if (cumulative == null || !cumulative.containsKey(Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("cumulative: needs the +Inf bucket (the total), got "
                    + (cumulative == null ? "nothing" : cumulative.keySet()));
        }
        long previous = 0;
        for (Map.Entry<Double, Long> bucket : cumulative.entrySet()) {
            if (!(bucket.getKey() >= 0) || bucket.getValue() < previous) {
                throw new IllegalArgumentException("cumulative: bounds must be >= 0 and counts non-decreasing, got "
                        + bucket.getValue() + " at le=" + bucket.getKey() + " after " + previous);
            }
            previous = bucket.getValue();
        }
        cumulative = Collections.unmodifiableNavigableMap(new TreeMap<>(cumulative));
    }

    /** How many samples in all. */
    public long samples() {
        return cumulative.get(Double.POSITIVE_INFINITY);
    }

    /** Samples at most {@code le} seconds, as far as the buckets tell: the count at the largest bound <= le. */
    public long countAtMost(double le) {
        Map.Entry<Double, Long> floor = cumulative.floorEntry(le);
        return floor == null ? 0 : floor.getValue();
    }

    /**
     * The samples that arrived between {@code earlier} and this scrape. When the total went down (the
     * service restarted in between, its counters from zero) this scrape alone is the best there is.
     */
    public CumulativeHistogram minus(CumulativeHistogram earlier) {
        if (samples() < earlier.samples()) {
            return this;
        }
        TreeMap<Double, Long> delta = new TreeMap<>();
        long previous = 0;
        for (Map.Entry<Double, Long> bucket : cumulative.entrySet()) {
            // max with the bound below keeps the counts non-decreasing if the bucket sets differ
            previous = Math.max(previous, bucket.getValue() - earlier.countAtMost(bucket.getKey()));
            delta.put(bucket.getKey(), previous);
        }
        return new CumulativeHistogram(delta);
    }

    /** Both histograms' samples together (e.g. two kinds, or two instances), over the union of their bounds. */
    public CumulativeHistogram plus(CumulativeHistogram other) {
        TreeMap<Double, Long> sum = new TreeMap<>();
        for (Double le : cumulative.keySet()) {
            sum.put(le, countAtMost(le) + other.countAtMost(le));
        }
        for (Double le : other.cumulative.keySet()) {
            sum.put(le, countAtMost(le) + other.countAtMost(le));
        }
        return new CumulativeHistogram(sum);
    }

    /**
     * The q-quantile in seconds, as {@code histogram_quantile} estimates it: find the bucket where the
     * cumulative count reaches q x samples, and interpolate linearly between its lower bound (the bound
     * before it, or 0 for the first) and its upper bound. Within one bucket's width of the true quantile.
     * When it falls in the +Inf bucket, the highest finite bound (all that is known is "above it").
     *
     * @return NaN without samples, or without a finite bound to place them by
     * @throws IllegalArgumentException unless 0 < q <= 1
     */
    public double quantileSeconds(double q) {
        if (!(q > 0 && q <= 1)) {
            throw new IllegalArgumentException("q: must be in (0, 1], got " + q);
        }
        long total = samples();
        if (total == 0) {
            return Double.NaN;
        }
        double rank = q * total;
        double lower = 0;
        long below = 0;
        for (Map.Entry<Double, Long> bucket : cumulative.entrySet()) {
            double upper = bucket.getKey();
            long count = bucket.getValue();
            if (count >= rank) {
                if (Double.isInfinite(upper)) {
                    return cumulative.size() == 1 ? Double.NaN : lower;
                }
                return lower + (upper - lower) * (rank - below) / (count - below);
            }
            lower = upper;
            below = count;
        }
        throw new IllegalStateException("unreachable: the +Inf bucket holds every sample");
    }
}
