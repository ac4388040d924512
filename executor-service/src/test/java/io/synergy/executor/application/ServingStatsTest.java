package io.synergy.executor.application;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The dashboard's per-app figures: totals since start, throughput and latency over a sliding window. */
class ServingStatsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final ServingStats stats = new ServingStats(clock, Duration.ofSeconds(10), 100);

    @Test
    void latencyPercentilesAreTheNearestRankOfTheWindowsResults() {
        for (int millis = 1; millis <= 20; millis++) {
            Instant admitted = clock.instant();
            clock.advance(Duration.ofMillis(millis));
            stats.ended("captions", admitted, true);
        }

        ServingStats.AppStats captions = stats.snapshot().get(0);

        assertThat(captions.samples()).isEqualTo(20);
        assertThat(captions.latencyP50Millis()).isEqualTo(10.0);
        assertThat(captions.latencyP95Millis()).isEqualTo(19.0);
        assertThat(captions.completedPerSecond()).isEqualTo(2.0);
    }

    @Test
    void resultsOlderThanTheWindowLeaveTheRatesButStayInTheTotals() {
        stats.ended("captions", clock.instant(), true);
        stats.ended("captions", clock.instant(), false);
        clock.advance(Duration.ofSeconds(11));

        ServingStats.AppStats captions = stats.snapshot().get(0);

        assertThat(captions.completed()).isEqualTo(1);
        assertThat(captions.failed()).isEqualTo(1);
        assertThat(captions.samples()).isZero();
        assertThat(captions.completedPerSecond()).isZero();
        assertThat(captions.latencyP50Millis()).isNaN();
    }

    @Test
    void failuresCountButDoNotShapeTheLatency() {
        Instant admitted = clock.instant();
        clock.advance(Duration.ofMillis(5));
        stats.ended("captions", admitted, true);
        clock.advance(Duration.ofSeconds(5));
        stats.ended("captions", admitted, false);

        ServingStats.AppStats captions = stats.snapshot().get(0);

        assertThat(captions.latencyP95Millis()).isEqualTo(5.0);
        assertThat(captions.failed()).isEqualTo(1);
    }

    @Test
    void keepsAtMostMaxSamplesPerAppTheNewestOnes() {
        ServingStats small = new ServingStats(clock, Duration.ofSeconds(10), 3);
        for (int millis = 1; millis <= 5; millis++) {
            Instant admitted = clock.instant();
            clock.advance(Duration.ofMillis(millis));
            small.ended("captions", admitted, true);
        }

        ServingStats.AppStats captions = small.snapshot().get(0);

        assertThat(captions.completed()).isEqualTo(5);
        assertThat(captions.samples()).isEqualTo(3);
        assertThat(captions.latencyP50Millis()).isEqualTo(4.0);
    }

    @Test
    void listsAppsByIdEachWithItsOwnFigures() {
        stats.ended("objects", clock.instant(), true);
        stats.ended("captions", clock.instant(), false);

        assertThat(stats.snapshot()).extracting(ServingStats.AppStats::appId).containsExactly("captions", "objects");
        assertThat(stats.snapshot().get(1).completed()).isEqualTo(1);
    }

    @Test
    void refusesAnEmptyWindowOrNoSamplesNamingTheSetting() {
        assertThatThrownBy(() -> new ServingStats(clock, Duration.ZERO, 10)).hasMessageContaining("window");
        assertThatThrownBy(() -> new ServingStats(clock, Duration.ofSeconds(1), 0)).hasMessageContaining("maxSamples");
    }
}
