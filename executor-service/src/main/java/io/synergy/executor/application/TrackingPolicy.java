package io.synergy.executor.application;

import java.time.Duration;

/**
 * How the executor admits and follows requests.
 *
 * @param maxInFlightPerApp requests of one app in flight at once; the next is refused (HTTP) or waits (Kafka)
 * @param dispatchTimeout   how long one dispatch may take before the request is sent again
 * @param maxRejections     dispatches of one request that a gateway may answer with a failure (a rejected
 *                          stage or a failed inference) before the request ends with it; dispatches that go
 *                          unanswered or whose route a new plan strands are bounded by the request's deadline only
 * @param defaultTimeout    how long a request may take in all, when the client does not say
 * @param retryAfter        what a refused client is told to wait before retrying
 * @param idempotency       how long, and for how many request ids, a completed result is remembered
 *                          to answer a repeat of its request id
 */
public record TrackingPolicy(int maxInFlightPerApp, Duration dispatchTimeout, int maxRejections, Duration defaultTimeout,
                             Duration retryAfter, Idempotency idempotency) {

    /**
     * @param window     how long after completion a repeated request id gets the first result
     * @param maxResults most completed results remembered at once (the oldest leaves first)
     */
    public record Idempotency(Duration window, int maxResults) {

        public Idempotency {
            requirePositive("idempotencyWindow", window);
            if (maxResults < 1) {
                throw new IllegalArgumentException("idempotencyMaxResults: must be >= 1, got " + maxResults);
            }
        }
    }

    public TrackingPolicy {
        if (maxInFlightPerApp < 1) {
            throw new IllegalArgumentException("maxInFlightPerApp: must be >= 1, got " + maxInFlightPerApp);
        }
        requirePositive("dispatchTimeout", dispatchTimeout);
        if (maxRejections < 1) {
            throw new IllegalArgumentException("maxRejections: must be >= 1, got " + maxRejections);
        }
        requirePositive("defaultTimeout", defaultTimeout);
        requirePositive("retryAfter", retryAfter);
        if (idempotency == null) {
            throw new IllegalArgumentException("idempotency: must be set");
        }
    }

    private static void requirePositive(String field, Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(field + ": must be a positive duration, got " + duration);
        }
    }
}
