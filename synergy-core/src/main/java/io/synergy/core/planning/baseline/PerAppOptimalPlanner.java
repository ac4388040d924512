package io.synergy.core.planning.baseline;

import io.synergy.core.planning.PlacementSearch;
import io.synergy.core.planning.PlanningProblem;

/**
 * Baseline 6, per-app optimal in arrival order: each app gets the placement with the highest throughput
 * for itself given the loads of the apps placed before it, and keeps it; later apps cannot move earlier
 * ones (not holistic) and no segment is replicated.
 */
public final class PerAppOptimalPlanner extends BaselinePlanner {

    public static final String NAME = "per-app-optimal";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    Rule rule(PlanningProblem problem) {
        PlacementSearch search = new PlacementSearch(problem);
        return (assignment, app) -> search.bestForThroughput(app, assignment.ledger(), search.allDevices());
    }
}
