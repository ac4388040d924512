package io.synergy.executor.application;

import io.synergy.contracts.inference.InferenceCompleted;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The completed results of the last {@code window}, at most {@code capacity} of them, by request id:
 * what a repeated request id is answered with. Oldest first; an entry leaves when it is older than
 * the window or when the capacity is reached. Not thread-safe: its {@link InFlightTracker} guards it.
 */
final class RecentResults {

    private record Remembered(InferenceCompleted result, Instant finishedAt) {
    }

    private final Duration window;
    private final int capacity;
    private final Clock clock;
    private final Map<String, Remembered> results = new LinkedHashMap<>();

    RecentResults(Duration window, int capacity, Clock clock) {
        this.window = window;
        this.capacity = capacity;
        this.clock = clock;
    }

    void remember(InferenceCompleted result) {
        expire();
        results.remove(result.requestId());
        results.put(result.requestId(), new Remembered(result, clock.instant()));
        Iterator<String> oldest = results.keySet().iterator();
        while (results.size() > capacity) {
            oldest.next();
            oldest.remove();
        }
    }

    Optional<InferenceCompleted> find(String requestId) {
        expire();
        Remembered remembered = results.get(requestId);
        return remembered == null ? Optional.empty() : Optional.of(remembered.result());
    }

    int size() {
        expire();
        return results.size();
    }

    private void expire() {
        Instant horizon = clock.instant().minus(window);
        Iterator<Remembered> oldest = results.values().iterator();
        while (oldest.hasNext() && !oldest.next().finishedAt().isAfter(horizon)) {
            oldest.remove();
        }
    }
}
