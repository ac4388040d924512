package io.synergy.core.planning.baseline;

import io.synergy.core.planning.PlacementSearch;
import io.synergy.core.planning.PlanningProblem;

/**
 * Baseline 7, per-app latency-optimal: each app takes the chain placement with the lowest end-to-end
 * latency on the idle fleet, ignoring every other app (so apps pile onto the fastest devices).
 */
public final class LatencyOptimalPlanner extends BaselinePlanner {

    public static final String NAME = "latency-optimal";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    Rule rule(PlanningProblem problem) {
        PlacementSearch search = new PlacementSearch(problem);
        return (assignment, app) -> search.bestForLatency(app, search.allDevices());
    }
}
