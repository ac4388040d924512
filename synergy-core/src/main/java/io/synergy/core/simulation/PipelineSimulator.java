package io.synergy.core.simulation;

import io.synergy.core.planning.App;
import io.synergy.core.planning.Placement;
import io.synergy.core.planning.PlanSet;
import io.synergy.core.planning.PlanningProblem;
import io.synergy.core.planning.ThroughputEstimator;
import io.synergy.core.planning.VirtualComputingSpace;
import java.util.List;
import java.util.Objects;

/**
 * A discrete-event simulation of a plan set running many requests at once: each device runs one
 * segment at a time from a FIFO queue (paying a weight reload when it switches to a segment that does
 * not fit in memory beside its other residents), each transfer holds the links of both its ends for
 * latency + bytes / bandwidth, and requests enter closed loop, a fixed number in flight, each new input
 * going to the app furthest behind its weighted share. Time is virtual, randomness (service-time jitter)
 * seeded: the same inputs give the same run, event for event.
 *
 * <p>It shares the cost figures with the {@link ThroughputEstimator} and checks the estimator's
 * analytical pipeline rate by actually queueing requests.
 */
public final class PipelineSimulator {

    private final SimulationConfig config;

    public PipelineSimulator(SimulationConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public SimulationResult run(VirtualComputingSpace space, List<App> apps, PlanSet plans) {
        PlanningProblem problem = PlanningProblem.of(space, apps);
        return run(problem, ThroughputEstimator.placements(problem, plans));
    }

    /** Runs placements in index form; a null entry is an unplaced app (it sends no requests). */
    public SimulationResult run(PlanningProblem problem, Placement[] placements) {
        return new SimulationRun(problem, placements, config).execute();
    }
}
