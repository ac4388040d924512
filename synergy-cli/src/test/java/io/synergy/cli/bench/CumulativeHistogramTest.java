package io.synergy.cli.bench;

import io.synergy.contracts.header.HopTransfer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Quantiles from bucket counts, held against the exact quantile of the samples the buckets were
 * filled from: the estimate is in the same bucket as the true value, so within one bucket's width.
 */
class CumulativeHistogramTest {

    /** The hop timer's bounds in seconds, as the services publish them, then +Inf. */
    private static final double[] BOUNDS = HopTransfer.BUCKETS.stream().mapToDouble(d -> d.toNanos() / 1e9).toArray();

    static Stream<Long> seeds() {
        return LongStream.range(1, 41).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void estimatesEachQuantileWithinTheWidthOfItsBucket(long seed) {
        Random random = new Random(seed);
        int n = 1 + random.nextInt(5_000);
        // log-normal hop times around a few milliseconds, the shape real hops have; kept below the top bound
        double median = 0.0005 + random.nextDouble() * 0.02;
        double spread = 0.1 + random.nextDouble() * 1.5;
        double[] samples = new double[n];
        for (int i = 0; i < n; i++) {
            samples[i] = Math.min(BOUNDS[BOUNDS.length - 1], median * Math.exp(spread * random.nextGaussian()));
        }
        CumulativeHistogram histogram = bucketed(samples);

        assertThat(histogram.samples()).isEqualTo(n);
        for (double q : new double[] {0.5, 0.95, 0.99, random.nextDouble() * 0.999 + 0.001}) {
            double exact = nearestRank(samples, q);
            double estimate = histogram.quantileSeconds(q);
            assertThat(estimate).as("q=%s of %d samples", q, n).isCloseTo(exact, within(widthOfBucketHolding(exact)));
        }
    }

    @Test
    void interpolatesLinearlyInsideTheBucketAsHistogramQuantileDoes() {
        // 10 samples at most 1 ms, 10 more in (1 ms, 2 ms]: the median is the top of the first bucket,
        // the 75th percentile halfway through the second
        CumulativeHistogram histogram = histogram(Map.of(0.001, 10L, 0.002, 20L, Double.POSITIVE_INFINITY, 20L));

        assertThat(histogram.quantileSeconds(0.5)).isCloseTo(0.001, within(1e-12));
        assertThat(histogram.quantileSeconds(0.75)).isCloseTo(0.0015, within(1e-12));
        assertThat(histogram.quantileSeconds(0.25)).isCloseTo(0.0005, within(1e-12));
    }

    @Test
    void hasNoQuantileWithoutSamples() {
        assertThat(CumulativeHistogram.EMPTY.quantileSeconds(0.5)).isNaN();
        assertThat(histogram(Map.of(0.001, 0L, Double.POSITIVE_INFINITY, 0L)).quantileSeconds(0.99)).isNaN();
    }

    @Test
    void aQuantileInTheInfBucketIsTheHighestFiniteBound() {
        CumulativeHistogram allAbove = histogram(Map.of(0.001, 0L, 1.0, 0L, Double.POSITIVE_INFINITY, 7L));

        assertThat(allAbove.quantileSeconds(0.5)).isEqualTo(1.0);
        assertThat(allAbove.quantileSeconds(0.99)).isEqualTo(1.0);
        assertThat(CumulativeHistogram.EMPTY.plus(histogram(Map.of(Double.POSITIVE_INFINITY, 3L))).quantileSeconds(0.5))
                .as("no finite bound at all").isNaN();
    }

    @Test
    void theDeltaOfTwoScrapesHoldsTheSamplesBetweenThem() {
        CumulativeHistogram before = histogram(Map.of(0.001, 4L, 0.002, 6L, Double.POSITIVE_INFINITY, 6L));
        CumulativeHistogram after = histogram(Map.of(0.001, 5L, 0.002, 16L, Double.POSITIVE_INFINITY, 17L));

        CumulativeHistogram delta = after.minus(before);

        assertThat(delta.cumulative()).containsExactlyEntriesOf(new TreeMap<>(
                Map.of(0.001, 1L, 0.002, 10L, Double.POSITIVE_INFINITY, 11L)));
    }

    @Test
    void aScrapeAfterARestartCountsFromZero() {
        CumulativeHistogram before = histogram(Map.of(0.001, 40L, Double.POSITIVE_INFINITY, 50L));
        CumulativeHistogram restarted = histogram(Map.of(0.001, 3L, Double.POSITIVE_INFINITY, 4L));

        assertThat(restarted.minus(before)).isEqualTo(restarted);
    }

    @Test
    void addsHistogramsBucketByBucket() {
        CumulativeHistogram a = histogram(Map.of(0.001, 1L, 0.002, 2L, Double.POSITIVE_INFINITY, 3L));
        CumulativeHistogram b = histogram(Map.of(0.001, 5L, 0.002, 5L, Double.POSITIVE_INFINITY, 6L));

        assertThat(a.plus(b).cumulative()).containsExactlyEntriesOf(new TreeMap<>(
                Map.of(0.001, 6L, 0.002, 7L, Double.POSITIVE_INFINITY, 9L)));
    }

    @Test
    void refusesBucketsWithoutATotalOrWithFallingCounts() {
        assertThatThrownBy(() -> histogram(Map.of(0.001, 1L))).hasMessageContaining("+Inf");
        assertThatThrownBy(() -> histogram(Map.of(0.001, 5L, Double.POSITIVE_INFINITY, 4L)))
                .hasMessageContaining("non-decreasing");
        assertThatThrownBy(() -> CumulativeHistogram.EMPTY.quantileSeconds(0)).hasMessageContaining("q:");
    }

    private static CumulativeHistogram histogram(Map<Double, Long> counts) {
        return new CumulativeHistogram(new TreeMap<>(counts));
    }

    private static CumulativeHistogram bucketed(double[] samples) {
        TreeMap<Double, Long> counts = new TreeMap<>();
        for (double bound : BOUNDS) {
            counts.put(bound, Arrays.stream(samples).filter(s -> s <= bound).count());
        }
        counts.put(Double.POSITIVE_INFINITY, (long) samples.length);
        return new CumulativeHistogram(counts);
    }

    /** The ceil(q n)-th smallest sample: what a quantile of the samples themselves is. */
    private static double nearestRank(double[] samples, double q) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.max(0, Math.ceil(q * sorted.length) - 1)];
    }

    private static double widthOfBucketHolding(double value) {
        double lower = 0;
        for (double bound : BOUNDS) {
            if (value <= bound) {
                return bound - lower + 1e-12;
            }
            lower = bound;
        }
        throw new AssertionError("sample above the top bound: " + value);
    }

}
