package io.synergy.executor.application;

import java.time.Duration;

/** An app already has its limit of requests in flight; the client may retry after {@link #retryAfter()}. */
public final class OverloadedException extends InferenceException {

    private final transient Duration retryAfter;

    public OverloadedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
