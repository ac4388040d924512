package io.synergy.executor.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What each app's requests did, for the dashboard: totals since start, and the throughput and
 * latency (admission to outcome) of the requests that ended within the last {@code window}.
 * Per app at most {@code maxSamples} recent outcomes are kept, the oldest dropped first, so memory
 * stays bounded under any load. Thread-safe; time comes from the injected clock.
 */
public final class ServingStats {

    private final Clock clock;
    private final Duration window;
    private final int maxSamples;
    private final Map<String, AppTally> apps = new TreeMap<>();

    /**
     * @param window     how far back throughput and latency percentiles look
     * @param maxSamples per app, the most outcomes kept for the window (older ones count in the totals only)
     */
    public ServingStats(Clock clock, Duration window, int maxSamples) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window: must be positive, got " + window);
        }
        if (maxSamples < 1) {
            throw new IllegalArgumentException("maxSamples: must be at least 1, got " + maxSamples);
        }
        this.clock = clock;
        this.window = window;
        this.maxSamples = maxSamples;
    }

    public Instant now() {
        return clock.instant();
    }

    public Duration window() {
        return window;
    }

    /** A request of {@code appId} admitted at {@code admitted} ended now, with a result or a failure. */
    public synchronized void ended(String appId, Instant admitted, boolean completed) {
        Instant now = clock.instant();
        AppTally tally = apps.computeIfAbsent(appId, id -> new AppTally());
        if (completed) {
            tally.completed++;
        } else {
            tally.failed++;
        }
        tally.recent.addLast(new Outcome(now, Duration.between(admitted, now).toNanos() / 1e6, completed));
        while (tally.recent.size() > maxSamples) {
            tally.recent.removeFirst();
        }
    }

    /** Every app that has ended a request, by app id, with its figures as of now. */
    public synchronized List<AppStats> snapshot() {
        Instant since = clock.instant().minus(window);
        double windowSeconds = window.toNanos() / 1e9;
        List<AppStats> stats = new ArrayList<>(apps.size());
        for (Map.Entry<String, AppTally> app : apps.entrySet()) {
            Deque<Outcome> recent = app.getValue().recent;
            while (!recent.isEmpty() && recent.peekFirst().at().isBefore(since)) {
                recent.removeFirst();
            }
            double[] latencies = recent.stream().filter(Outcome::completed).mapToDouble(Outcome::latencyMillis).sorted().toArray();
            stats.add(new AppStats(app.getKey(), app.getValue().completed, app.getValue().failed,
                    latencies.length / windowSeconds, percentile(latencies, 50), percentile(latencies, 95), latencies.length));
        }
        return stats;
    }

    /** Nearest-rank percentile of sorted values; NaN when there are none. */
    static double percentile(double[] sorted, int percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    /**
     * One app's figures.
     *
     * @param completed           requests answered with a result since start
     * @param failed              requests that ended in a failure since start
     * @param completedPerSecond  results within the window, per second of the window
     * @param latencyP50Millis    median admission-to-result time of the window's results (NaN: none)
     * @param latencyP95Millis    95th percentile of the same (NaN: none)
     * @param samples             results the window's figures are drawn from
     */
    public record AppStats(String appId, long completed, long failed, double completedPerSecond,
                           double latencyP50Millis, double latencyP95Millis, int samples) {
    }

    private record Outcome(Instant at, double latencyMillis, boolean completed) {
    }

    private static final class AppTally {
        private long completed;
        private long failed;
        private final Deque<Outcome> recent = new ArrayDeque<>();
    }
}
