package io.synergy.executor.application;

import io.synergy.contracts.header.Dispatch;
import io.synergy.contracts.inference.InferenceResultEvent;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One admitted request until its outcome is known. Its mutable fields change only under the lock of
 * the {@link InFlightTracker} that holds it.
 */
public final class InFlightRequest {

    private final InferenceRequest request;
    private final Instant deadline;
    private final CompletableFuture<InferenceResultEvent> outcome = new CompletableFuture<>();
    private int attempts;
    /** Dispatches a gateway answered with a failure. */
    private int rejections;
    private Dispatch dispatch;
    private Instant attemptDeadline;
    /** Set while it waits for a route (none, or one still loading), cleared by a dispatch. */
    private boolean waitingForRoute;
    private volatile RequestTelemetry.RequestTrace trace = RequestTelemetry.RequestTrace.NONE;

    InFlightRequest(InferenceRequest request, Instant deadline) {
        this.request = request;
        this.deadline = deadline;
        this.attemptDeadline = deadline;
    }

    public InferenceRequest request() {
        return request;
    }

    public String requestId() {
        return request.requestId();
    }

    public String appId() {
        return request.app().appId();
    }

    /** When the request fails for good unless a result came. */
    public Instant deadline() {
        return deadline;
    }

    /** Completes once, with the first result or the failure that ended the request. */
    public CompletableFuture<InferenceResultEvent> outcome() {
        return outcome;
    }

    /** The request's trace: every dispatch of it carries the same trace context. */
    public RequestTelemetry.RequestTrace trace() {
        return trace;
    }

    void traced(RequestTelemetry.RequestTrace requestTrace) {
        trace = requestTrace;
    }

    synchronized int attempts() {
        return attempts;
    }

    synchronized int rejections() {
        return rejections;
    }

    synchronized boolean waitingForRoute() {
        return waitingForRoute;
    }

    synchronized Optional<Dispatch> dispatch() {
        return Optional.ofNullable(dispatch);
    }

    synchronized Instant attemptDeadline() {
        return attemptDeadline;
    }

    synchronized void dispatched(Dispatch sent) {
        waitingForRoute = false;
        attempts++;
        dispatch = sent;
        attemptDeadline = sent.deadline();
    }

    /** No route was available: try again at {@code retryAt} without spending an attempt. */
    synchronized void waiting(Instant retryAt) {
        dispatch = null;
        waitingForRoute = true;
        attemptDeadline = retryAt;
    }

    /** A gateway answered a dispatch of it with a failure. */
    synchronized void rejected() {
        rejections++;
    }

    /** Makes the request due for re-dispatch at the next sweep (a failure event said it was lost). */
    synchronized void lost(Instant now) {
        attemptDeadline = now;
    }
}
