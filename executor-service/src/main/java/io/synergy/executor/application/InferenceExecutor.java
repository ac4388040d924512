package io.synergy.executor.application;

import io.synergy.contracts.header.ActivationHeaders;
import io.synergy.contracts.header.Dispatch;
import io.synergy.contracts.inference.FailureCode;
import io.synergy.contracts.inference.InferenceCompleted;
import io.synergy.contracts.inference.InferenceFailed;
import io.synergy.contracts.inference.StageRejected;
import io.synergy.contracts.inference.StageRejection;
import io.synergy.contracts.inference.InferenceResultEvent;
import io.synergy.contracts.plan.AppPlan;
import io.synergy.contracts.plan.PlanSetPublished;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs requests along the current plan: admits, stamps epoch and route, dispatches to the first
 * stage, and re-dispatches under the current plan on a dispatch timeout, a failure event or a new
 * epoch that strands the route, until a result arrives, the time runs out or gateways have failed it
 * too often.
 */
public final class InferenceExecutor {

    private final ServingCatalog catalog;
    private final InFlightTracker tracker;
    private final ActivationSender sender;
    /** Null: every route counts as ready (tests of other rules). */
    private final FleetReadiness readiness;
    private final RequestTelemetry telemetry;
    private final RouteSelector routes = new RouteSelector();
    private final AtomicLong dispatches = new AtomicLong();
    private final AtomicLong redispatches = new AtomicLong();
    private final AtomicLong deadlinesExceeded = new AtomicLong();

    /** An executor that dispatches under an epoch only once the route's devices have loaded it. */
    public InferenceExecutor(ServingCatalog catalog, InFlightTracker tracker, ActivationSender sender,
                             FleetReadiness readiness, RequestTelemetry telemetry) {
        this.catalog = catalog;
        this.tracker = tracker;
        this.sender = sender;
        this.readiness = readiness;
        this.telemetry = telemetry;
    }

    /** An executor that dispatches as soon as a plan names a route (for tests of the other rules). */
    public InferenceExecutor(ServingCatalog catalog, InFlightTracker tracker, ActivationSender sender) {
        this(catalog, tracker, sender, null, RequestTelemetry.NONE);
    }

    /** As the first constructor, with tracing and timing of each request. */
    public InferenceExecutor(ServingCatalog catalog, InFlightTracker tracker, ActivationSender sender,
                             RequestTelemetry telemetry) {
        this(catalog, tracker, sender, null, telemetry);
    }

    /**
     * A device reported the epoch it holds: requests waiting for their route to be loaded are
     * dispatched now rather than at their next sweep.
     */
    public void devicesChanged() {
        for (InFlightRequest waiting : tracker.waitingForRoute()) {
            dispatch(waiting);
        }
    }

    /**
     * Admits and dispatches a request whose input already fits its model.
     *
     * A repeated request id is not run again: it shares the outcome of the request in flight, or gets
     * the result of the one completed within the idempotency window.
     *
     * @return completes with the first {@link InferenceCompleted}, or with the {@link InferenceFailed}
     *         that ended the request
     * @throws NotServableException when the current plan set has no plan for an HTTP request's app
     *                              (a Kafka request waits for one, up to its timeout: the fleet may be
     *                              re-forming after a loss, and its client is not waiting on a connection)
     * @throws OverloadedException  when the app has its limit of requests in flight
     */
    public CompletableFuture<InferenceResultEvent> submit(InferenceRequest request) {
        return admit(request).outcome();
    }

    /** As {@link #submit}, saying whether the request was new or a repeat. */
    public Admission admit(InferenceRequest request) {
        // a repeat is answered even when the plan set no longer runs its app
        if (request.origin() == Origin.HTTP && tracker.repeatOf(request.requestId()).isEmpty()
                && catalog.planOf(request.app().appId()).isEmpty()) {
            throw new NotServableException("app " + request.app().appId() + ": " + catalog.whyUnplaced(request.app().appId()));
        }
        Admission admission = tracker.admitOnce(request);
        admission.admitted().ifPresent(admitted -> {
            RequestTelemetry.RequestTrace trace = telemetry.admitted(request);
            admitted.traced(trace);
            admitted.outcome().whenComplete(trace::finished);
            dispatch(admitted);
        });
        return admission;
    }

    /** A record from {@code synergy.inference.results}: completes the request, or re-dispatches it after a failure. */
    public void resultArrived(InferenceResultEvent result) {
        if (result instanceof InferenceCompleted) {
            tracker.finish(result.requestId(), result);
            return;
        }
        Optional<InFlightRequest> failed = tracker.find(result.requestId());
        if (failed.isEmpty()) {
            return;
        }
        InFlightRequest request = failed.get();
        if (result instanceof StageRejected && ((StageRejected) result).reason() == StageRejection.STALE_EPOCH) {
            staleEpoch(request, (StageRejected) result);
            return;
        }
        request.rejected();
        if (!tracker.exhausted(request)) {
            dispatch(request);
        } else if (result instanceof StageRejected) {
            // a rejected stage is not an outcome: the request ends as a failure naming it
            StageRejected rejected = (StageRejected) result;
            deadlinesExceeded.incrementAndGet();
            tracker.finish(request.requestId(), new InferenceFailed(request.requestId(),
                    request.request().app().modelName(), FailureCode.DEADLINE_EXCEEDED, "request "
                    + request.requestId() + ": no result after " + request.attempts() + " dispatch(es); the last was "
                    + "rejected by device " + rejected.deviceId() + " (" + rejected.reason() + "): " + rejected.message()));
        } else {
            tracker.finish(request.requestId(), result);
        }
    }

    /**
     * A device had already loaded a newer epoch than the dispatch's: the fleet moved on, the request did
     * nothing wrong, so it spends no rejection. If the plan set of that epoch has not reached this
     * executor yet, the request waits for it (it is sent again when it arrives, or after a dispatch
     * timeout) instead of bouncing off the device under the old epoch again at once.
     */
    private void staleEpoch(InFlightRequest request, StageRejected stale) {
        long current = catalog.planSet().map(PlanSetPublished::epoch).orElse(0L);
        if (current < stale.loadedEpoch()) {
            tracker.waitForRoute(request);
        } else {
            redispatchOrFail(request);
        }
    }

    /**
     * A new plan set: becomes current when its epoch is newer, and the requests whose route it no
     * longer holds are sent again under it.
     */
    public void planSetArrived(PlanSetPublished planSet) {
        if (!catalog.planSetPublished(planSet)) {
            return;
        }
        for (InFlightRequest stranded : tracker.strandedBy(planSet)) {
            redispatchOrFail(stranded);
        }
    }

    /** Re-dispatches (or fails) every request whose attempt deadline has passed. Call it periodically. */
    public void sweep() {
        for (InFlightRequest due : tracker.due()) {
            redispatchOrFail(due);
        }
    }

    private void redispatchOrFail(InFlightRequest request) {
        if (tracker.exhausted(request)) {
            deadlinesExceeded.incrementAndGet();
            tracker.finish(request.requestId(), new InferenceFailed(request.requestId(), request.request().app().modelName(),
                    FailureCode.DEADLINE_EXCEEDED, "request " + request.requestId() + ": no result after "
                    + request.attempts() + " dispatch(es) by its deadline " + request.deadline()));
        } else {
            dispatch(request);
        }
    }

    private void dispatch(InFlightRequest request) {
        String appId = request.appId();
        // one read of the plan set, so the epoch stamped is the epoch of the plan followed
        Optional<PlanSetPublished> planSet = catalog.planSet();
        Optional<AppPlan> plan = planSet.flatMap(set -> ServingCatalog.planIn(set, appId));
        if (plan.isEmpty()) {
            tracker.waitForRoute(request);
            return;
        }
        long epoch = planSet.get().epoch();
        io.synergy.contracts.header.Route route = routes.route(plan.get());
        if (readiness != null && !readiness.ready(route, epoch)) {
            // the route's devices are still loading this epoch (or gone): wait without spending an attempt
            tracker.waitForRoute(request);
            return;
        }
        Dispatch dispatch = new Dispatch(request.requestId(), appId, epoch, route, tracker.attemptDeadline(request));
        (request.attempts() == 0 ? dispatches : redispatches).incrementAndGet();
        tracker.dispatched(request, dispatch);
        try {
            sender.send(new ActivationHeaders(dispatch, 0, request.request().input().descriptor(),
                            request.trace().traceParent()),
                    request.request().input().toBytes());
        } catch (RuntimeException e) {
            // the attempt is spent; the sweep sends it again at the attempt deadline
        }
    }

    /** First dispatches of admitted requests. */
    public long dispatches() {
        return dispatches.get();
    }

    /** Dispatches after a timeout, a failure event or a new epoch that stranded the route. */
    public long redispatches() {
        return redispatches.get();
    }

    /** Requests that ran out of time, or whose dispatches gateways failed too often. */
    public long deadlinesExceeded() {
        return deadlinesExceeded.get();
    }
}
