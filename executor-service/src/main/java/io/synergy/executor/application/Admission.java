package io.synergy.executor.application;

import io.synergy.contracts.inference.InferenceResultEvent;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What admitting a request id led to: a new request to dispatch, or a repeat of one in flight or
 * recently completed, whose outcome the caller shares.
 *
 * @param admitted the new request, empty for a repeat
 * @param outcome  completes with the request's first outcome
 */
public record Admission(Optional<InFlightRequest> admitted, CompletableFuture<InferenceResultEvent> outcome) {

    public boolean isRepeat() {
        return admitted.isEmpty();
    }
}
