package io.synergy.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The statistics and overhead arithmetic of {@code synergy bench e2e}, without a stack. */
class BenchArithmeticTest {

    private static final long MS = 1_000_000;

    @Test
    void percentilesFollowTheNearestRankOfOneHundredSamples() {
        long[] nanos = IntStream.rangeClosed(1, 100).mapToLong(i -> (101 - i) * MS).toArray();

        LatencySummary summary = LatencySummary.of(nanos);

        assertThat(summary.samples()).isEqualTo(100);
        assertThat(summary.minMillis()).isEqualTo(1.0);
        assertThat(summary.p50Millis()).isEqualTo(50.0);
        assertThat(summary.p95Millis()).isEqualTo(95.0);
        assertThat(summary.p99Millis()).isEqualTo(99.0);
    }

    @Test
    void aSingleSampleIsEveryPercentileAndNoSamplesIsNaN() {
        assertThat(LatencySummary.of(new long[] {7 * MS}).p99Millis()).isEqualTo(7.0);
        assertThat(LatencySummary.of(new long[] {7 * MS}).minMillis()).isEqualTo(7.0);
        assertThat(LatencySummary.of(new long[0]).p50Millis()).isNaN();
    }

    static Stream<Arguments> seededSamples() {
        return IntStream.range(0, 20).mapToObj(seed -> Arguments.of(seed));
    }

    @ParameterizedTest
    @MethodSource("seededSamples")
    void percentilesAreOrderedSamplesOfTheInput(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] nanos = random.longs(1 + random.nextInt(500), 1, 10_000 * MS).toArray();

        LatencySummary s = LatencySummary.of(nanos);

        assertThat(s.minMillis()).isLessThanOrEqualTo(s.p50Millis());
        assertThat(s.p50Millis()).isLessThanOrEqualTo(s.p95Millis());
        assertThat(s.p95Millis()).isLessThanOrEqualTo(s.p99Millis());
        assertThat(longsOf(nanos).anyMatch(n -> n / 1e6 == s.p95Millis())).isTrue();
        long atOrBelowP50 = longsOf(nanos).filter(n -> n / 1e6 <= s.p50Millis()).count();
        assertThat(atOrBelowP50).isGreaterThanOrEqualTo((long) Math.ceil(0.5 * nanos.length));
    }

    private static java.util.stream.LongStream longsOf(long[] values) {
        return java.util.Arrays.stream(values);
    }

    @Test
    void overheadPerHopIsWhatTheScaledModelLeavesOfTheLatencySharedByTheHops() {
        // two segments, 3 hops; 5 ms of modelled fleet time at scale 10 is 50 ms of host time
        RouteTiming route = new RouteTiming(2, 5_000);

        HopOverhead overhead = HopOverhead.of(80.0, route, 10);

        assertThat(route.hops()).isEqualTo(3);
        assertThat(overhead.hostMillisPerHop()).isCloseTo(10.0, within(1e-9));
        assertThat(overhead.fleetMillisPerHop()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void aTinyTimeScaleLeavesAlmostAllLatencyToTheHops() {
        HopOverhead overhead = HopOverhead.of(12.0, new RouteTiming(1, 4_000), 0.001);

        assertThat(overhead.hostMillisPerHop()).isCloseTo((12.0 - 0.004) / 2, within(1e-9));
        assertThat(overhead.fleetMillisPerHop()).isCloseTo((12.0 - 0.004) / 2 / 0.001, within(1e-6));
    }

    @Test
    void rejectsATimeScaleThatIsNotPositive() {
        assertThatThrownBy(() -> HopOverhead.of(1.0, new RouteTiming(1, 0), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeScale");
    }

    @Test
    void theJointRateIsTheSlowestAppPerUnitOfWeight() {
        Map<String, Double> rates = Map.of("a", 30.0, "b", 12.0, "c", 50.0);

        assertThat(JointRate.of(rates, Map.of())).isEqualTo(12.0);
        assertThat(JointRate.of(rates, Map.of("c", 5.0, "b", 1.0))).isEqualTo(10.0);
        assertThat(JointRate.of(Map.of(), Map.of())).isNaN();
    }

    @Test
    void aLinkTransferTakesBytesOverBandwidthPlusItsLatency() {
        RouteModel.DeviceFacts ble = new RouteModel.DeviceFacts("max78000", 162_500, 7_500);

        assertThat(ble.transferMicros(1_625)).isCloseTo(10_000 + 7_500, within(1e-9));
    }
}
