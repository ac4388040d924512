package io.synergy.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppStatsTest {

    @Test
    void latenciesSinceAWarmUpLeaveOutTheWarmUpCompletions() {
        AppStats stats = new AppStats();
        for (long n = 1; n <= 10; n++) {
            stats.completed(n);
        }

        assertThat(stats.latencyNanosSince(7)).containsExactly(8, 9, 10);
        assertThat(stats.latencyNanosSince(0)).hasSize(10);
        assertThat(stats.latencyNanosSince(10)).isEmpty();
    }

    @Test
    void latenciesSinceKeepOnlyTheLastWindowOnceTheBufferWraps() {
        AppStats stats = new AppStats();
        int total = AppStats.WINDOW + 100;
        for (long n = 1; n <= total; n++) {
            stats.completed(n);
        }

        long[] since = stats.latencyNanosSince(0);

        assertThat(since).hasSize(AppStats.WINDOW);
        assertThat(since[0]).isEqualTo(101);
        assertThat(since[since.length - 1]).isEqualTo(total);
    }
}
