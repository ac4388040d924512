package io.synergy.executor.application;

import io.synergy.contracts.header.Dispatch;
import io.synergy.contracts.inference.InferenceCompleted;
import io.synergy.contracts.inference.InferenceResultEvent;
import io.synergy.contracts.plan.PlanSetPublished;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Every request in flight, with its deadlines, bounded per app. The first outcome of a request wins;
 * any later result for it is dropped and counted. A request id seen again while in flight, or within
 * the idempotency window after it completed, shares the first outcome instead of running twice.
 * Thread-safe; time comes from the injected clock.
 */
public final class InFlightTracker {

    private final TrackingPolicy policy;
    private final Clock clock;
    private final Map<String, InFlightRequest> requests = new LinkedHashMap<>();
    private final Map<String, Integer> perApp = new HashMap<>();
    private final RecentResults recent;
    private long droppedResults;
    private long repeats;

    public InFlightTracker(TrackingPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
        this.recent = new RecentResults(policy.idempotency().window(), policy.idempotency().maxResults(), clock);
    }

    /**
     * Admits a request once per id: a new id is admitted (when its app has room); an id in flight
     * shares that request's outcome; an id completed within the idempotency window gets its result.
     * A request that failed is not remembered, so it may be retried under the same id.
     *
     * @throws OverloadedException when the id is new and its app has {@code maxInFlightPerApp} requests in flight
     */
    public synchronized Admission admitOnce(InferenceRequest request) {
        Optional<CompletableFuture<InferenceResultEvent>> earlier = repeatOf(request.requestId());
        if (earlier.isPresent()) {
            repeats++;
            return new Admission(Optional.empty(), earlier.get());
        }
        InFlightRequest admitted = admit(request);
        return new Admission(Optional.of(admitted), admitted.outcome());
    }

    /** The outcome a repeat of {@code requestId} shares, if the id is in flight or completed within the window. */
    public synchronized Optional<CompletableFuture<InferenceResultEvent>> repeatOf(String requestId) {
        InFlightRequest inFlight = requests.get(requestId);
        if (inFlight != null) {
            // a copy: a caller that gives up must not cancel the first caller's outcome
            return Optional.of(inFlight.outcome().copy());
        }
        return recent.find(requestId).map(CompletableFuture::completedFuture);
    }

    /**
     * Admits a request of a new id when its app has room ({@link #admitOnce} decides whether the id is new).
     *
     * @throws OverloadedException when the app has {@code maxInFlightPerApp} requests in flight
     */
    synchronized InFlightRequest admit(InferenceRequest request) {
        if (requests.containsKey(request.requestId())) {
            throw new IllegalStateException("requestId: " + request.requestId() + " is already in flight");
        }
        String appId = request.app().appId();
        int current = perApp.getOrDefault(appId, 0);
        if (current >= policy.maxInFlightPerApp()) {
            throw new OverloadedException("app " + appId + ": " + current + " requests in flight, the limit (maxInFlightPerApp) is "
                    + policy.maxInFlightPerApp() + "; retry after " + policy.retryAfter().toMillis() + " ms",
                    policy.retryAfter());
        }
        Duration timeout = request.timeout() == null ? policy.defaultTimeout() : request.timeout();
        InFlightRequest admitted = new InFlightRequest(request, clock.instant().plus(timeout));
        requests.put(request.requestId(), admitted);
        perApp.put(appId, current + 1);
        return admitted;
    }

    /**
     * Waits up to {@code patience} (real time) until the app has room, for admitters that can hold
     * their source back (the Kafka consumer pauses instead of refusing).
     *
     * @return true when there is room now
     */
    public synchronized boolean awaitCapacity(String appId, Duration patience) throws InterruptedException {
        long end = System.nanoTime() + patience.toNanos();
        while (perApp.getOrDefault(appId, 0) >= policy.maxInFlightPerApp()) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** The attempt's dispatch was sent; its deadline is the dispatch's. */
    public void dispatched(InFlightRequest request, Dispatch dispatch) {
        request.dispatched(dispatch);
    }

    /** The attempt deadline of a new dispatch of {@code request} made now: the sooner of the dispatch timeout and the request's deadline. */
    public Instant attemptDeadline(InFlightRequest request) {
        Instant byDispatch = clock.instant().plus(policy.dispatchTimeout());
        return byDispatch.isBefore(request.deadline()) ? byDispatch : request.deadline();
    }

    /** No route now: look at the request again after one dispatch timeout, without spending an attempt. */
    public void waitForRoute(InFlightRequest request) {
        request.waiting(attemptDeadline(request));
    }

    public synchronized Optional<InFlightRequest> find(String requestId) {
        return Optional.ofNullable(requests.get(requestId));
    }

    /**
     * Ends a request with its outcome, if it is still in flight.
     *
     * @return true for the first outcome; false (and counted as dropped) when the request was already
     *         answered or never admitted here
     */
    public boolean finish(String requestId, InferenceResultEvent outcome) {
        InFlightRequest finished;
        synchronized (this) {
            finished = requests.remove(requestId);
            if (finished == null) {
                droppedResults++;
                return false;
            }
            perApp.merge(finished.appId(), -1, Integer::sum);
            perApp.remove(finished.appId(), 0);
            if (outcome instanceof InferenceCompleted && finished.request().repeatable()) {
                recent.remember((InferenceCompleted) outcome);
            }
            notifyAll();
        }
        // outside the lock: completing runs the waiter's callbacks on this thread
        finished.outcome().complete(outcome);
        return true;
    }

    /** Requests whose attempt deadline has passed: to be sent again, or failed when out of time. */
    public synchronized List<InFlightRequest> due() {
        Instant now = clock.instant();
        List<InFlightRequest> due = new ArrayList<>();
        for (InFlightRequest request : requests.values()) {
            if (!now.isBefore(request.attemptDeadline())) {
                due.add(request);
            }
        }
        return due;
    }

    /**
     * Requests dispatched on a route that {@code planSet} no longer holds (a stage moved or its device
     * left), and requests waiting for a route, which may find one in it.
     */
    public synchronized List<InFlightRequest> strandedBy(PlanSetPublished planSet) {
        List<InFlightRequest> stranded = new ArrayList<>();
        for (InFlightRequest request : requests.values()) {
            Optional<Dispatch> dispatch = request.dispatch();
            if (dispatch.isEmpty() || dispatch.get().epoch() < planSet.epoch()
                    && !RouteSelector.stillServed(dispatch.get().route(), request.appId(), planSet)) {
                stranded.add(request);
            }
        }
        return stranded;
    }

    /** Requests admitted but not dispatched now: no route, or a route whose devices are still loading. */
    public synchronized List<InFlightRequest> waitingForRoute() {
        List<InFlightRequest> waiting = new ArrayList<>();
        for (InFlightRequest request : requests.values()) {
            if (request.waitingForRoute()) {
                waiting.add(request);
            }
        }
        return waiting;
    }

    /**
     * True when a request has run out of time, or gateways have answered {@code maxRejections} of its
     * dispatches with a failure. A dispatch that went unanswered (a device that failed silently, a
     * result still on its way) costs only time: the request is sent again until its deadline, so it
     * outlasts the heartbeat expiry and re-planning that take such a device out of the plan.
     */
    public boolean exhausted(InFlightRequest request) {
        return request.rejections() >= policy.maxRejections() || !clock.instant().isBefore(request.deadline());
    }

    public Instant now() {
        return clock.instant();
    }

    public synchronized int inFlight() {
        return requests.size();
    }

    public synchronized int inFlight(String appId) {
        return perApp.getOrDefault(appId, 0);
    }

    /** Requests whose id was seen again and that shared the first outcome instead of running twice. */
    public synchronized long repeats() {
        return repeats;
    }

    /** Completed results remembered for repeats (at most the policy's {@code maxResults}). */
    public synchronized int rememberedResults() {
        return recent.size();
    }

    /** Results that arrived for requests already answered (or unknown here) and were dropped. */
    public synchronized long droppedResults() {
        return droppedResults;
    }
}
