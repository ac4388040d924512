package io.synergy.planner.application;

import io.synergy.contracts.plan.AppPlan;
import io.synergy.contracts.plan.PlanSetPublished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Re-plans after changes, debounced: the first change schedules a run {@code debounce} later, and
 * every change until that run starts is folded into it, so a burst of events costs one plan. Planning
 * runs on this class's own thread, never on a consumer's. A run publishes only when its outcome
 * differs from the last plan set, each time with the next epoch; a failed publish keeps the epoch and
 * retries after another debounce.
 */
public final class Replanning implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Replanning.class);

    private final SpaceInputs inputs;
    private final PlanComputation computation;
    private final PlanSink sink;
    private final Duration debounce;
    private final ScheduledExecutorService thread;
    private final Object lock = new Object();

    private boolean scheduled;
    /** Until released, changes are only remembered: the inputs at start are still being read. */
    private boolean released;
    private boolean changedWhileHeld;
    private long lastEpoch;
    private PlanSetPublished current;
    private long plannedVersion = -1;
    /** The structural inputs version of the last plan set published (or -1 before). */
    private long publishedStructuralVersion = -1;

    /**
     * @param recovered the last plan set on {@code synergy.plans}, or null: epochs continue after it
     */
    public Replanning(SpaceInputs inputs, PlanComputation computation, PlanSink sink, Duration debounce,
                      PlanSetPublished recovered) {
        this.inputs = inputs;
        this.computation = computation;
        this.sink = sink;
        this.debounce = debounce;
        this.current = recovered;
        this.lastEpoch = recovered == null ? 0 : recovered.epoch();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread t = new Thread(runnable, "replanning");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.thread = executor;
    }

    /** The inputs changed: plan again soon. Cheap; callable from any thread. */
    public void changed() {
        synchronized (lock) {
            if (!released) {
                changedWhileHeld = true;
                return;
            }
            if (scheduled) {
                return; // the pending run will see this change too: at most one run is ever queued
            }
            scheduled = true;
        }
        thread.schedule(this::run, debounce.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The inputs that were on the topics at start are folded: planning may begin. Before this, a plan
     * would be made from half the fleet or half the apps and published as an epoch of its own.
     */
    public void release() {
        boolean pending;
        synchronized (lock) {
            if (released) {
                return;
            }
            released = true;
            pending = changedWhileHeld;
        }
        if (pending) {
            changed();
        }
    }

    public boolean released() {
        synchronized (lock) {
            return released;
        }
    }

    /** The last plan set published (or recovered at start). */
    public Optional<PlanSetPublished> current() {
        synchronized (lock) {
            return Optional.ofNullable(current);
        }
    }

    /** Plans the current inputs without one device; publishes nothing. */
    public PlanOutcome whatIf(SpaceSnapshot snapshot) {
        return computation.plan(snapshot);
    }

    private void run() {
        synchronized (lock) {
            scheduled = false;
        }
        SpaceSnapshot snapshot = inputs.snapshot();
        if (snapshot.version() == plannedVersion) {
            return;
        }
        PlanOutcome outcome;
        try {
            outcome = computation.plan(snapshot);
        } catch (RuntimeException e) {
            // the same inputs would fail the same way: wait for the next change instead of retrying
            LOG.error("planning inputs version {} failed", snapshot.version(), e);
            plannedVersion = snapshot.version();
            return;
        }
        try {
            PlanSetPublished previous = current().orElse(null);
            if (sameAs(previous, outcome) || measuredOnlyAndSamePlacement(snapshot, previous, outcome)) {
                plannedVersion = snapshot.version();
                return;
            }
            PlanSetPublished next = new PlanSetPublished(lastEpoch + 1, outcome.planner(), outcome.plans(),
                    outcome.unplaced());
            sink.publish(next);
            synchronized (lock) {
                lastEpoch = next.epoch();
                current = next;
            }
            plannedVersion = snapshot.version();
            publishedStructuralVersion = snapshot.structuralVersion();
            LOG.info("plan set {} published: {} apps placed, {} unplaced (inputs version {})", next.epoch(),
                    next.plans().size(), next.unplaced().size(), snapshot.version());
        } catch (RuntimeException e) {
            LOG.warn("publishing the plan set failed, retrying in {}: {}", debounce, e.toString());
            changed();
        }
    }

    /**
     * Only a measured service-time factor changed since the last publication, and the plans still place
     * every app the same way (same ends, segments and replicas): a new epoch would only move estimates
     * and make the gateways reload, so the current plan set stays.
     */
    private boolean measuredOnlyAndSamePlacement(SpaceSnapshot snapshot, PlanSetPublished previous, PlanOutcome outcome) {
        if (previous == null || snapshot.structuralVersion() != publishedStructuralVersion
                || previous.plans().size() != outcome.plans().size() || !previous.unplaced().equals(outcome.unplaced())) {
            return false;
        }
        for (int i = 0; i < previous.plans().size(); i++) {
            AppPlan before = previous.plans().get(i);
            AppPlan after = outcome.plans().get(i);
            if (!before.appId().equals(after.appId()) || !before.ends().equals(after.ends())
                    || !before.segments().equals(after.segments())) {
                return false;
            }
        }
        return true;
    }

    /** Nothing to tell the fleet: the outcome equals the last plan set, or there is nothing and never was. */
    private static boolean sameAs(PlanSetPublished previous, PlanOutcome outcome) {
        if (previous == null) {
            return outcome.isEmpty();
        }
        return previous.plans().equals(outcome.plans()) && previous.unplaced().equals(outcome.unplaced());
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
