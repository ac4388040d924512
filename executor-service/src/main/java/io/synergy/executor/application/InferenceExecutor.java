package io.synergy.executor.application;

import io.synergy.contracts.header.ActivationHeaders;
import io.synergy.contracts.header.Dispatch;
import io.synergy.contracts.inference.FailureCode;
import io.synergy.contracts.inference.InferenceCompleted;
import io.synergy.contracts.inference.InferenceFailed;
import io.synergy.contracts.inference.InferenceResultEvent;
import io.synergy.contracts.plan.AppPlan;
import io.synergy.contracts.plan.PlanSetPublished;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs requests along the current plan: admits, stamps epoch and route, dispatches to the first
 * stage, and re-dispatches under the current plan on a dispatch timeout, a failure event or a new
 * epoch that strands the route, until a result arrives or the attempts or the time run out.
 */
public final class InferenceExecutor {

    private final ServingCatalog catalog;
    private final InFlightTracker tracker;
    private final ActivationSender sender;
    private final RequestTelemetry telemetry;
    private final RouteSelector routes = new RouteSelector();
    private final AtomicLong dispatches = new AtomicLong();
    private final AtomicLong redispatches = new AtomicLong();
    private final AtomicLong deadlinesExceeded = new AtomicLong();

    public InferenceExecutor(ServingCatalog catalog, InFlightTracker tracker, ActivationSender sender) {
        this(catalog, tracker, sender, RequestTelemetry.NONE);
    }

    public InferenceExecutor(ServingCatalog catalog, InFlightTracker tracker, ActivationSender sender,
                             RequestTelemetry telemetry) {
        this.catalog = catalog;
        this.tracker = tracker;
        this.sender = sender;
        this.telemetry = telemetry;
    }

    /**
     * Admits and dispatches a request whose input already fits its model.
     *
     * @return completes with the first {@link InferenceCompleted}, or with the {@link InferenceFailed}
     *         that ended the request
     * @throws NotServableException      when the current plan set has no plan for the app
     * @throws OverloadedException       when the app has its limit of requests in flight
     * @throws DuplicateRequestException when the request id is in flight
     */
    public CompletableFuture<InferenceResultEvent> submit(InferenceRequest request) {
        if (catalog.planOf(request.app().appId()).isEmpty()) {
            throw new NotServableException("app " + request.app().appId() + ": " + catalog.whyUnplaced(request.app().appId()));
        }
        InFlightRequest admitted = tracker.admit(request);
        RequestTelemetry.RequestTrace trace = telemetry.admitted(request);
        admitted.traced(trace);
        admitted.outcome().whenComplete(trace::finished);
        dispatch(admitted);
        return admitted.outcome();
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
        if (tracker.exhausted(request)) {
            tracker.finish(request.requestId(), result);
        } else {
            dispatch(request);
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
        Dispatch dispatch = new Dispatch(request.requestId(), appId, planSet.get().epoch(), routes.route(plan.get()),
                tracker.attemptDeadline(request));
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

    /** Requests that ran out of attempts or time. */
    public long deadlinesExceeded() {
        return deadlinesExceeded.get();
    }
}
