package io.synergy.executor.application;

import java.time.Duration;

/**
 * How the executor admits and follows requests.
 *
 * @param maxInFlightPerApp requests of one app in flight at once; the next is refused (HTTP) or waits (Kafka)
 * @param dispatchTimeout   how long one dispatch may take before the request is sent again
 * @param maxAttempts       dispatches per request, the first included
 * @param defaultTimeout    how long a request may take in all, when the client does not say
 * @param retryAfter        what a refused client is told to wait before retrying
 */
public record TrackingPolicy(int maxInFlightPerApp, Duration dispatchTimeout, int maxAttempts, Duration defaultTimeout,
                             Duration retryAfter) {

    public TrackingPolicy {
        if (maxInFlightPerApp < 1) {
            throw new IllegalArgumentException("maxInFlightPerApp: must be >= 1, got " + maxInFlightPerApp);
        }
        requirePositive("dispatchTimeout", dispatchTimeout);
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts: must be >= 1, got " + maxAttempts);
        }
        requirePositive("defaultTimeout", defaultTimeout);
        requirePositive("retryAfter", retryAfter);
    }

    private static void requirePositive(String field, Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(field + ": must be a positive duration, got " + duration);
        }
    }
}
