package io.synergy.cli.demo;

import java.util.Arrays;

/**
 * What one app's load saw: completions with their latencies (the last {@link #WINDOW} kept for
 * percentiles, a bounded buffer), rejections (HTTP 429) and failures. Thread-safe.
 */
public final class AppStats {

    static final int WINDOW = 4_096;

    private final long[] latencyNanos = new long[WINDOW];
    private long completed;
    private long rejected;
    private long failed;

    public synchronized void completed(long nanos) {
        latencyNanos[(int) (completed % WINDOW)] = nanos;
        completed++;
    }

    public synchronized void rejected() {
        rejected++;
    }

    public synchronized void failed() {
        failed++;
    }

    /** Forgets everything seen so far (after a warm-up). */
    public synchronized void reset() {
        completed = 0;
        rejected = 0;
        failed = 0;
    }

    public synchronized long completedCount() {
        return completed;
    }

    public synchronized long rejectedCount() {
        return rejected;
    }

    public synchronized long failedCount() {
        return failed;
    }

    /**
     * The latencies of the completions after the first {@code completedBefore} (e.g. those after a
     * warm-up), in nanoseconds: at most the last {@link #WINDOW}, in completion order.
     */
    public synchronized long[] latencyNanosSince(long completedBefore) {
        long first = Math.max(Math.max(0, completedBefore), completed - WINDOW);
        long[] since = new long[(int) Math.max(0, completed - first)];
        for (long k = first; k < completed; k++) {
            since[(int) (k - first)] = latencyNanos[(int) (k % WINDOW)];
        }
        return since;
    }

    /** The q-quantile (0..1) of the kept latencies in milliseconds, NaN before the first completion. */
    public synchronized double latencyMillis(double q) {
        int n = (int) Math.min(completed, WINDOW);
        if (n == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(latencyNanos, n);
        Arrays.sort(sorted);
        int index = (int) Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1));
        return sorted[index] / 1e6;
    }
}
